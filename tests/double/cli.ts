// Runs the double until killed: npx tsx tests/double/cli.ts --port 8787 --files-port 8788 [--tls]
// Other flags: --host H, --output-base-url URL, --starting-ms N, --processing-ms N, --retention-ms N,
// --no-account, --no-files.
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
  },
});

const num = (text: string | undefined): number | undefined => (text === undefined ? undefined : Number(text));

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
