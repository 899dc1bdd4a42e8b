import { IDBFactory } from 'fake-indexeddb';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { makeJob } from '../../tests/unit/make-job';
import { closeKontextDb, openKontextDb } from '../db';
import { getJobImage, putJobImage, type ImageRole } from '../image-store';
import { HistoryManifest } from './export-history-manifest';
import { exportFileName, exportHistory } from './export-history';
import { entryFromJob, type HistoryEntry } from './history-entry';
import { getHistoryRevision, listHistory, putHistoryEntries } from './history-store';
import { describeImport, importHistory } from './import-history';

const deps = { now: () => Date.UTC(2026, 10, 26, 12), extensionVersion: '9.8.7' };

const done = (id: string, createdAt: number, prompt: string, source = makeJob().source) =>
  makeJob({ id, createdAt, updatedAt: createdAt, phase: 'done', prompt, source, completedAt: createdAt + 5 });

/** Distinct bytes per picture, so a mix-up between two pictures shows. */
const bytesOf = (id: string, role: ImageRole) => new TextEncoder().encode(`${id}/${role}/`.repeat(50));

async function storeEdit(entry: HistoryEntry, roles: readonly ImageRole[] = ['input', 'result', 'input-thumb', 'result-thumb']) {
  await putHistoryEntries([entry]);
  for (const role of roles) {
    await putJobImage(entry.id, role, new Blob([bytesOf(entry.id, role)], { type: role.endsWith('thumb') ? 'image/jpeg' : 'image/png' }), { width: 40, height: 30 });
  }
}

/** A first edit and an "Edit again" of it. */
async function twoEdits(): Promise<HistoryEntry[]> {
  const first = entryFromJob(done('first', 1_000, 'make it blue'), undefined, 2_000);
  const again = entryFromJob(done('again', 3_000, 'add a hat', { kind: 'job', jobId: 'first' }), first, 4_000);
  await storeEdit(first);
  await storeEdit(again);
  return [first, again];
}

async function freshProfile() {
  await closeKontextDb();
  globalThis.indexedDB = new IDBFactory();
}

async function rawRecords() {
  return (await openKontextDb()).getAll('history');
}

async function imageBytes(id: string, role: ImageRole) {
  const blob = await getJobImage(id, role);
  return blob && { type: blob.type, bytes: new Uint8Array(await blob.arrayBuffer()) };
}

describe('history export', () => {
  it('writes the records as stored and every picture, with a manifest that says where each is', async () => {
    const [first] = await twoEdits();
    const result = await exportHistory(deps);
    expect(result).toMatchObject({ entries: 2, images: 8 });
    const files = unzipSync(new Uint8Array(await result.blob.arrayBuffer()));
    const manifest = HistoryManifest.parse(JSON.parse(new TextDecoder().decode(files['manifest.json'])));
    expect(manifest).toMatchObject({ format: 'edit-with-kontext-history', formatVersion: 1, exportedAt: '2026-11-26T12:00:00.000Z', extensionVersion: '9.8.7' });
    expect(manifest.entries.map((entry) => entry.record)).toEqual(await rawRecords().then((records) => records.sort((a, b) => Number(a.createdAt) - Number(b.createdAt))));
    const result0 = manifest.entries[0]?.images.find((image) => image.role === 'result');
    expect(result0).toEqual({ role: 'result', path: 'images/first-result.png', type: 'image/png', size: bytesOf('first', 'result').length, width: 40, height: 30 });
    expect(files['images/first-result.png']).toEqual(bytesOf(first?.id ?? '', 'result'));
    expect(files['images/first-input-thumb.jpg']).toEqual(bytesOf('first', 'input-thumb'));
  });

  it('stores the pictures uncompressed and deflates only the manifest', async () => {
    await twoEdits();
    const { blob } = await exportHistory(deps);
    const methods = new Map<string, number>();
    unzipSync(new Uint8Array(await blob.arrayBuffer()), { filter: (file) => (methods.set(file.name, file.compression), false) });
    expect(methods.get('manifest.json')).toBe(8);
    expect([...methods].filter(([name]) => name.startsWith('images/')).map(([, method]) => method)).toEqual(Array(8).fill(0));
  });

  it('names the file after the local date', () => {
    expect(exportFileName(new Date(2026, 0, 5, 23, 59))).toBe('kontext-history-2026-01-05.zip');
  });
});

describe('export then import', () => {
  it('gives a fresh profile the same records and picture bytes', async () => {
    await twoEdits();
    const before = await rawRecords();
    const pictures = async () => Promise.all(['first', 'again'].flatMap((id) => (['input', 'result', 'input-thumb', 'result-thumb'] as const).map((role) => imageBytes(id, role))));
    const picturesBefore = await pictures();
    const sizeBefore = await (await openKontextDb()).get('images', 'again:result');
    const { blob } = await exportHistory(deps);

    await freshProfile();
    const revision = await getHistoryRevision();
    const summary = await importHistory(blob);

    expect(summary).toEqual({ imported: 2, alreadyThere: 0, missingResult: 0, unreadable: 0, newer: 0 });
    expect(await rawRecords()).toEqual(before);
    expect(await pictures()).toEqual(picturesBefore);
    expect(picturesBefore.every((picture) => picture !== undefined)).toBe(true);
    const sizeAfter = await (await openKontextDb()).get('images', 'again:result');
    expect({ width: sizeAfter?.width, height: sizeAfter?.height }).toEqual({ width: sizeBefore?.width, height: sizeBefore?.height });
    expect((await listHistory()).map((entry) => [entry.job.prompt, entry.parentId])).toEqual([['add a hat', 'first'], ['make it blue', undefined]]);
    expect(await getHistoryRevision()).toBeGreaterThan(revision);
  });

  it('gives the same result when the pictures are unpacked one edit at a time', async () => {
    await twoEdits();
    const before = await rawRecords();
    const { blob } = await exportHistory(deps);
    await freshProfile();
    expect(await importHistory(blob, { batchBytes: 1 })).toMatchObject({ imported: 2, missingResult: 0 });
    expect(await rawRecords()).toEqual(before);
    expect(await imageBytes('again', 'result')).toEqual({ type: 'image/png', bytes: bytesOf('again', 'result') });
    expect(await imageBytes('first', 'result-thumb')).toEqual({ type: 'image/jpeg', bytes: bytesOf('first', 'result-thumb') });
  });

  it('skips ids already there and leaves them untouched', async () => {
    await twoEdits();
    const { blob } = await exportHistory(deps);
    await freshProfile();
    const mine = entryFromJob(done('first', 1_000, 'my own edit'), undefined, 2_000);
    await storeEdit(mine, ['result']);

    const summary = await importHistory(blob);

    expect(summary).toMatchObject({ imported: 1, alreadyThere: 1 });
    expect(describeImport(summary)).toBe('1 edit imported, 1 already there.');
    const first = (await listHistory()).find((entry) => entry.id === 'first');
    expect(first?.job.prompt).toBe('my own edit');
    expect(await imageBytes('first', 'input')).toBeUndefined();
    expect(await imageBytes('again', 'result')).toBeDefined();
  });

  it('importing the same file twice adds nothing the second time', async () => {
    await twoEdits();
    const { blob } = await exportHistory(deps);
    await freshProfile();
    await importHistory(blob);
    const revision = await getHistoryRevision();
    expect(await importHistory(blob)).toMatchObject({ imported: 0, alreadyThere: 2 });
    expect(await getHistoryRevision()).toBe(revision);
  });

  it('does not write over the pictures of a live job with the same id', async () => {
    await twoEdits();
    const { blob } = await exportHistory(deps);
    await freshProfile();
    await putJobImage('again', 'input', new Blob(['live'], { type: 'image/png' }));

    expect(await importHistory(blob)).toMatchObject({ imported: 1, alreadyThere: 1 });
    expect(new TextDecoder().decode((await imageBytes('again', 'input'))?.bytes)).toBe('live');
    expect(await imageBytes('again', 'result')).toBeUndefined();
  });

  it('imports an edit without its missing pictures when its result is there, and skips one without a result', async () => {
    const whole = entryFromJob(done('whole', 1_000, 'whole'), undefined, 2_000);
    const noThumbs = entryFromJob(done('no-thumbs', 2_000, 'no thumbs'), undefined, 3_000);
    const noResult = entryFromJob(done('no-result', 3_000, 'no result'), undefined, 4_000);
    await storeEdit(whole);
    await storeEdit(noThumbs, ['input', 'result']);
    await storeEdit(noResult, ['input', 'input-thumb']);
    const { blob } = await exportHistory(deps);
    await freshProfile();

    const summary = await importHistory(blob);

    expect(summary).toMatchObject({ imported: 2, missingResult: 1 });
    expect(describeImport(summary)).toContain('1 edit skipped because the file lacks their result picture');
    expect((await listHistory()).map((entry) => entry.id)).toEqual(['no-thumbs', 'whole']);
    expect(await imageBytes('no-thumbs', 'result-thumb')).toBeUndefined();
    expect(await imageBytes('no-result', 'input')).toBeUndefined();
  });
});
