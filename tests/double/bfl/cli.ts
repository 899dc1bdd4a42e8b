// Runs the BFL double until killed: npx tsx tests/double/bfl/cli.ts --port 8797 --delivery-port 8798 [--tls]
// Other flags: --host H, --pending-ms N, --result-ttl-ms N, --max-active N, --polling-origin URL, --delivery-origin URL.
import { parseArgs } from 'node:util';
import { DEFAULT_BFL_KEYS, startBflDouble } from './index';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8797' },
    'delivery-port': { type: 'string', default: '8798' },
    host: { type: 'string' },
    tls: { type: 'boolean', default: false },
    'pending-ms': { type: 'string' },
    'result-ttl-ms': { type: 'string' },
    'max-active': { type: 'string' },
    'polling-origin': { type: 'string' },
    'delivery-origin': { type: 'string' },
  },
});

const num = (text: string | undefined): number | undefined => (text === undefined ? undefined : Number(text));

const double = await startBflDouble({
  apiPort: num(values.port),
  deliveryPort: num(values['delivery-port']),
  host: values.host,
  tls: values.tls,
  pendingMs: num(values['pending-ms']),
  resultTtlMs: num(values['result-ttl-ms']),
  maxActiveTasks: num(values['max-active']),
  pollingOrigin: values['polling-origin'],
  deliveryOrigin: values['delivery-origin'],
});

console.log(`API       ${double.apiUrl}`);
console.log(`Delivery  ${double.deliveryUrl}`);
console.log(`Keys      ${Object.entries(DEFAULT_BFL_KEYS).map(([key, credits]) => `${key} (${credits} credits)`).join(', ')}`);

const stop = (): void => {
  void double.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
