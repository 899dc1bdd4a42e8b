// Runs the double until killed: npx tsx tests/double/cli.ts --port 8787 --files-port 8788 [--tls]
// Other flags: --host H, --output-base-url URL, --starting-ms N, --processing-ms N, --retention-ms N,
// --no-account, --no-files, --create-rate-limit PER_MINUTE/BURST (e.g. 6/1).
import { parseArgs } from 'node:util';
import { startApiDouble } from './index';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    'files-port': { type: 'string', default: '8788' },
    host: { type: 'string' },
    tls: { type: 'boolean', default: false },
    'output-base-url': { type: 'string' },
    'starting-ms': { type: 'string' },
    'processing-ms': { type: 'string' },
    'retention-ms': { type: 'string' },
    'no-account': { type: 'boolean', default: false },
    'no-files': { type: 'boolean', default: false },
    'create-rate-limit': { type: 'string' },
  },
});

const num = (text: string | undefined): number | undefined => (text === undefined ? undefined : Number(text));

/** "6/1" → 6 creates a minute, burst 1. */
function rateLimit(text: string | undefined): { perMinute: number; burst: number } | undefined {
  if (text === undefined) return undefined;
  const [perMinute, burst = '1'] = text.split('/');
  return { perMinute: Number(perMinute), burst: Number(burst) };
}

const double = await startApiDouble({
  apiPort: num(values.port),
  filesPort: num(values['files-port']),
  host: values.host,
  tls: values.tls,
  outputBaseUrl: values['output-base-url'],
  timing: { startingMs: num(values['starting-ms']), processingMs: num(values['processing-ms']) },
  retentionMs: num(values['retention-ms']),
  accountEndpoint: !values['no-account'],
  filesEndpoint: !values['no-files'],
  createRateLimit: rateLimit(values['create-rate-limit']),
});

console.log(`API    ${double.apiUrl}`);
console.log(`Files  ${double.filesUrl}`);
console.log(`Admin  ${double.apiUrl.replace(/\/v1$/, '/__double')}`);
console.log('Tokens r8_test_valid (credit), r8_test_nocredit (402)');

const stop = (): void => {
  void double.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
