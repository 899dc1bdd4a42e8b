import { zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { makeJob } from '../../tests/unit/make-job';
import { openKontextDb } from '../db';
import { getJobImage } from '../image-store';
import { entryFromJob, HISTORY_SCHEMA_VERSION } from './history-entry';
import { countHistory, listHistory } from './history-store';
import { describeImport, HistoryImportError, importHistory } from './import-history';

const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const zipBlob = (files: Zippable) => new Blob([zipSync(files)]);
const RESULT = new Uint8Array([137, 80, 78, 71, 1, 2, 3]);

const record = (id: string, overrides: Record<string, unknown> = {}) => ({
  ...entryFromJob(makeJob({ id, phase: 'done', completedAt: 2_000 }), undefined, 3_000),
  ...overrides,
});

function manifest(entries: unknown[], overrides: Record<string, unknown> = {}) {
  return {
    format: 'edit-with-kontext-history', formatVersion: 1, exportedAt: '2026-11-26T12:00:00.000Z', extensionVersion: '0.1.0',
    entries, ...overrides,
  };
}

/** An archive whose entries each have a result picture. */
function archive(records: Record<string, unknown>[], manifestOverrides: Record<string, unknown> = {}): Blob {
  const files: Zippable = {};
  const entries = records.map((rec) => {
    const path = `images/${String(rec.id)}-result.png`;
    files[path] = RESULT;
    return { record: rec, images: [{ role: 'result', path, type: 'image/png', size: RESULT.length }] };
  });
  files['manifest.json'] = encode(manifest(entries, manifestOverrides));
  return zipBlob(files);
}

async function importError(file: Blob): Promise<string> {
  const error: unknown = await importHistory(file).then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(HistoryImportError);
  return (error as Error).message;
}

describe('importing a file that is not a history export', () => {
  it.each([
    ['a file that is not a zip', new Blob(['just some text, not a zip archive at all']), 'not a zip archive'],
    ['a zip without a manifest', zipBlob({ 'photo.png': RESULT }), 'no manifest.json'],
    ['a manifest that is not JSON', zipBlob({ 'manifest.json': new TextEncoder().encode('{ nope') }), 'not valid JSON'],
    ['another program\'s manifest', zipBlob({ 'manifest.json': encode({ name: 'my-app', version: 3 }) }), 'not a history export of Edit with Kontext.'],
    ['a newer archive format', archive([], { formatVersion: 2 }), 'newer version of Edit with Kontext (format 2)'],
    ['a damaged manifest', zipBlob({ 'manifest.json': encode(manifest([{ record: { id: 'x' }, images: [{ role: 'result', path: 'a', type: 'text/html', size: 1 }] }])) }), 'damaged: entries.0.images.0.type'],
  ])('rejects %s with a clear message and stores nothing', async (_name, file, message) => {
    expect(await importError(file)).toContain(message);
    expect(await countHistory()).toBe(0);
  });
});

describe('records of other versions', () => {
  it('upgrades a record written before versions were stored', async () => {
    const { v: _v, ...unversioned } = record('old');
    expect(await importHistory(archive([unversioned]))).toMatchObject({ imported: 1 });
    const [entry] = await listHistory();
    expect(entry).toMatchObject({ id: 'old', v: HISTORY_SCHEMA_VERSION });
  });

  it('keeps a newer version\'s record as it is, unlisted here, and says so', async () => {
    const newer = record('future', { v: HISTORY_SCHEMA_VERSION + 1, somethingNew: [1, 2] });
    const summary = await importHistory(archive([newer, record('today')]));
    expect(summary).toMatchObject({ imported: 2, newer: 1 });
    expect(describeImport(summary)).toContain('1 edit from a newer version of the extension will show once you update it.');
    expect(await (await openKontextDb()).get('history', 'future')).toEqual(newer);
    expect((await listHistory()).map((entry) => entry.id)).toEqual(['today']);
    expect(await getJobImage('future', 'result')).toBeDefined();
  });

  it('skips a record that cannot be read, and imports the rest', async () => {
    const summary = await importHistory(archive([record('broken', { job: { nonsense: true } }), record('fine')]));
    expect(summary).toMatchObject({ imported: 1, unreadable: 1 });
    expect((await listHistory()).map((entry) => entry.id)).toEqual(['fine']);
    expect(await getJobImage('broken', 'result')).toBeUndefined();
  });
});

describe('pictures in the archive', () => {
  it('treats a picture whose size differs from the manifest as missing', async () => {
    const rec = record('short');
    const files: Zippable = {
      'images/short-result.png': RESULT.subarray(0, 3),
      'manifest.json': encode(manifest([{ record: rec, images: [{ role: 'result', path: 'images/short-result.png', type: 'image/png', size: RESULT.length }] }])),
    };
    expect(await importHistory(zipBlob(files))).toMatchObject({ imported: 0, missingResult: 1 });
    expect(await countHistory()).toBe(0);
  });

  it('counts a damaged picture as missing and still imports the other edits read with it', async () => {
    const good = record('good');
    const bad = record('bad');
    const result = (id: string) => ({ role: 'result', path: `images/${id}-result.png`, type: 'image/png', size: 4_000 });
    const picture = new Uint8Array(4_000).map((_, i) => (i * 7) % 13);
    const bytes = zipSync({
      'images/bad-result.png': [picture, { level: 9 }],
      'images/good-result.png': [picture, { level: 0 }],
      'manifest.json': encode(manifest([{ record: bad, images: [result('bad')] }, { record: good, images: [result('good')] }])),
    });
    // Scramble the deflated data of the first file (it starts after its 30-byte header and name).
    bytes.fill(0xff, 30 + 'images/bad-result.png'.length, 30 + 'images/bad-result.png'.length + 8);

    expect(await importHistory(new Blob([bytes]))).toMatchObject({ imported: 1, missingResult: 1 });
    expect((await listHistory()).map((entry) => entry.id)).toEqual(['good']);
  });
});
