import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { crc32, jpegComment, withProvenance, type Provenance } from './provenance';

const provenance: Provenance = {
  prompt: 'make it a 90s cartoon — with “quotes” and ünïcödé',
  model: 'black-forest-labs/flux-kontext-pro',
  sourceUrl: 'https://example.org/cat.png',
  date: new Date(Date.UTC(2026, 10, 26, 12, 0, 0)),
};

function smallPng(): Uint8Array<ArrayBuffer> {
  const png = new PNG({ width: 2, height: 2 });
  png.data.fill(200);
  return new Uint8Array(PNG.sync.write(png));
}

function smallJpeg(): Uint8Array<ArrayBuffer> {
  return new Uint8Array(jpeg.encode({ width: 8, height: 8, data: Buffer.alloc(8 * 8 * 4, 128) }, 90).data);
}

/** Every iTXt chunk of a PNG, as keyword → text. */
function itxt(bytes: Uint8Array): Record<string, string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found: Record<string, string> = {};
  for (let at = 8; at + 12 <= bytes.length; at += 12 + view.getUint32(at)) {
    const length = view.getUint32(at);
    if (String.fromCharCode(...bytes.subarray(at + 4, at + 8)) !== 'iTXt') continue;
    const data = bytes.subarray(at + 8, at + 8 + length);
    const nul = data.indexOf(0);
    found[String.fromCharCode(...data.subarray(0, nul))] = new TextDecoder().decode(data.subarray(nul + 5));
  }
  return found;
}

describe('crc32', () => {
  it('matches the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});

describe('withProvenance', () => {
  it('writes the prompt, model, source and date into a PNG as UTF-8 text, leaving a valid file with the same pixels', async () => {
    const original = smallPng();
    const saved = new Uint8Array(await (await withProvenance(new Blob([original], { type: 'image/png' }), provenance)).arrayBuffer());
    expect(itxt(saved)).toEqual({
      Description: provenance.prompt,
      Software: 'Edit with Kontext (black-forest-labs/flux-kontext-pro)',
      'Creation Time': '2026-11-26T12:00:00.000Z',
      Source: 'https://example.org/cat.png',
    });
    // pngjs checks every chunk's CRC while decoding.
    const decoded = PNG.sync.read(Buffer.from(saved), { checkCRC: true } as never);
    expect(Buffer.from(decoded.data)).toEqual(Buffer.from(PNG.sync.read(Buffer.from(original)).data));
  });

  it('writes a comment into a JPEG, which still decodes', async () => {
    const saved = new Uint8Array(await (await withProvenance(new Blob([smallJpeg()], { type: 'image/jpeg' }), provenance)).arrayBuffer());
    expect([saved[2], saved[3]]).toEqual([0xff, 0xfe]);
    const length = (saved[4]! << 8) | saved[5]!;
    expect(new TextDecoder().decode(saved.subarray(6, 4 + length))).toBe(jpegComment(provenance));
    expect(jpeg.decode(saved).width).toBe(8);
  });

  it('leaves out the source when it is not known', () => {
    expect(jpegComment({ ...provenance, sourceUrl: undefined })).not.toMatch(/Source/);
  });

  it('returns other files untouched', async () => {
    const webp = new Blob([new TextEncoder().encode('RIFF....WEBPVP8 ')], { type: 'image/webp' });
    expect(await withProvenance(webp, provenance)).toBe(webp);
  });
});
