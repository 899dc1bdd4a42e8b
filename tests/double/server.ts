// Creating, listening and closing the HTTP(S) servers.
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TlsMaterial } from './tls';

type Listener = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Turns a thrown error into a 500 (or a dropped socket once headers are out) instead of a crash. */
function guard(listener: Listener) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    listener(req, res).catch((error: unknown) => {
      if (res.headersSent || res.destroyed) return void res.destroy();
      const detail = error instanceof Error ? error.message : String(error);
      res.writeHead(500, { 'content-type': 'application/problem+json' });
      res.end(JSON.stringify({ title: 'Internal Server Error', detail, status: 500 }));
    });
  };
}

/** An HTTP server, or HTTPS when TLS material is given. */
export function createServer(listener: Listener, tls: TlsMaterial | null): Server {
  const handler = guard(listener);
  return tls ? createHttpsServer({ key: tls.key, cert: tls.cert }, handler) : createHttpServer(handler);
}

/** Listens and resolves to the bound port. */
export function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Closes a server and every open connection (keep-alive or held by a sync wait). */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Origin for a host and port, bracketing IPv6 literals. */
export function originOf(tls: boolean, host: string, port: number): string {
  const name = host.includes(':') ? `[${host}]` : host;
  return `${tls ? 'https' : 'http'}://${name}:${port}`;
}
