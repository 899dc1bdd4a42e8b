import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createZipBlobWriter, NotAZipError, openZip, ZipTooLargeError } from './history-zip';

const bytes = (length: number, seed: number) => new Uint8Array(length).map((_, i) => (i * seed) % 251);

describe('zip writer', () => {
  it('writes files any zip reader gets back byte for byte', async () => {
    const zip = createZipBlobWriter();
    zip.addStored('images/a.png', bytes(5_000, 3));
    zip.addDeflated('manifest.json', new TextEncoder().encode('{"a":1}'));
    const blob = await zip.finish();
    expect(blob.type).toBe('application/zip');
    const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
    expect(files['images/a.png']).toEqual(bytes(5_000, 3));
    expect(new TextDecoder().decode(files['manifest.json'])).toBe('{"a":1}');
  });

  it.each([
    ['bytes', { bytes: 10_000, files: 100 }, /more than 0 MB/],
    ['files', { bytes: 1e9, files: 2 }, /more than 2 files/],
  ])('refuses to grow past what a plain zip holds (%s) rather than write a damaged one', (_what, limits, message) => {
    const zip = createZipBlobWriter('application/zip', limits);
    zip.addStored('one', bytes(4_000, 5));
    zip.addStored('two', bytes(4_000, 7));
    expect(() => zip.addStored('three', bytes(4_000, 9))).toThrow(ZipTooLargeError);
    expect(() => zip.addStored('three', bytes(4_000, 9))).toThrow(message);
  });
});

describe('zip reader', () => {
  it('lists the files and unpacks only those asked for, within the size limit', async () => {
    const zip = createZipBlobWriter();
    zip.addStored('small', bytes(100, 3));
    zip.addStored('large', bytes(10_000, 5));
    const reader = openZip(new Uint8Array(await (await zip.finish()).arrayBuffer()));
    expect(reader.files.map((file) => [file.name, file.originalSize])).toEqual([['small', 100], ['large', 10_000]]);
    expect([...reader.read(new Set(['small', 'large', 'absent']), 1_000)]).toEqual([['small', bytes(100, 3)]]);
  });

  it('says when the bytes are not a zip archive', () => {
    expect(() => openZip(new TextEncoder().encode('hello, not a zip'))).toThrow(NotAZipError);
  });
});
