/**
 * The X display the end-to-end tests draw on. Each Playwright worker starts its own Xvfb, because the
 * real right-click (xdotool) moves the one pointer and types into the one focused window of a display:
 * two workers on one display would click into each other's browsers. Chromium and xdotool both read
 * {@link testDisplayEnv}, so they always meet on the same server.
 */
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Screen of the virtual display; the browser window (1280×960 at 0,0) must fit in it. */
export const XVFB_SCREEN = '1280x1024x24';

/** A running X server of ours. */
export interface Xvfb {
  /** Value for DISPLAY, e.g. `:7`. */
  display: string;
  /** Stops the server and waits until it has exited. */
  stop(): Promise<void>;
}

// The display this worker process uses; set by the worker fixture, unset outside Playwright (the demo).
let activeDisplay: string | undefined;

/** Makes `display` the one Chromium and xdotool use in this process (undefined: back to $DISPLAY). */
export function useTestDisplay(display: string | undefined): void {
  activeDisplay = display;
}

/** The display used by this process: the worker's own Xvfb, else $DISPLAY. */
export function testDisplay(): string | undefined {
  return activeDisplay ?? process.env.DISPLAY;
}

/** The process environment with DISPLAY set to {@link testDisplay}, for child processes that draw or click. */
export function testDisplayEnv(): NodeJS.ProcessEnv {
  const display = testDisplay();
  return display ? { ...process.env, DISPLAY: display } : { ...process.env };
}

/**
 * Starts `Xvfb` on a free display number and resolves once it accepts connections.
 * `-displayfd` makes the server pick the number itself (the first whose socket it can bind, which is
 * atomic, so workers starting together, or a developer's own server, cannot collide) and write it to
 * that descriptor only once it is ready for clients.
 */
export async function startXvfb(timeoutMs = 10_000): Promise<Xvfb> {
  const child = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', XVFB_SCREEN, '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  // A worker that dies without its teardown must not leave the server behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let display: string;
  try {
    display = await readDisplayNumber(child, timeoutMs);
    // Proves a client can connect (and xdotool works) before any browser is launched on it.
    await run('xdotool', ['getdisplaygeometry'], { env: { ...process.env, DISPLAY: display }, timeout: 5_000 });
  } catch (error) {
    process.off('exit', killOnExit);
    await stopProcess(child);
    throw error;
  }
  return {
    display,
    stop: async () => {
      process.off('exit', killOnExit);
      await stopProcess(child);
    },
  };
}

/** Reads `N\n` from the server's fd 3; fails with its stderr when it exits or stays silent too long. */
function readDisplayNumber(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let written = '';
    let stderr = '';
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb did not start (${why}): ${stderr.trim().slice(-500) || 'no output'}`));
    };
    const timer = setTimeout(() => fail(`no display after ${timeoutMs} ms`), timeoutMs);
    // Keeps reading for the server's whole life: a full pipe would block it. Only the tail matters.
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2_000)));
    child.once('error', (error) => fail(error.message)); // ENOENT: Xvfb not installed
    child.once('exit', (code, signal) => fail(`exited with ${signal ?? code}`));
    child.stdio[3]?.on('data', (chunk: Buffer) => {
      written += chunk.toString();
      const match = /^(\d+)\n/.exec(written);
      if (!match) return;
      clearTimeout(timer);
      resolve(`:${match[1]}`);
    });
  });
}

/** SIGTERM (Xvfb then removes its lock and socket), SIGKILL if it lingers; resolves when it is gone. */
async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
  await exited;
  clearTimeout(timer);
}
