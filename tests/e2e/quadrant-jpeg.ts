/**
 * Writes a baseline JPEG of four flat-coloured quadrants straight from its markers, without a pixel buffer.
 * Flat 8×8 blocks need only a DC coefficient, so each block is a few bits: a 50-megapixel image comes out
 * at about 1.4 MB in well under a second, where a real encoder would need a 200 MB RGBA buffer and many
 * seconds. Used to make the corpus's ~50 MP image at test time instead of committing it.
 */

/** An sRGB colour, 0–255 per channel. */
export type Rgb = readonly [number, number, number];

/** The colour of each quadrant of an image, as displayed. */
export interface QuadrantColours<C = Rgb> {
  topLeft: C;
  topRight: C;
  bottomLeft: C;
  bottomRight: C;
}

// One DC table (JPEG Annex K luminance DC: categories 0–11) shared by the three components.
const DC_BITS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
const DC_VALUES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
// One AC table with a single symbol, end-of-block (0x00), coded as the 1-bit code `0`.
const AC_BITS = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
const AC_VALUES = [0];
// DC quantiser 8: the quantised DC coefficient of a flat block is then exactly (level − 128).
const QUANT = 8;

/** Canonical Huffman codes (Annex C) of a table given as code counts per length and symbols. */
function huffmanCodes(bits: number[], values: number[]): Map<number, { code: number; length: number }> {
  const codes = new Map<number, { code: number; length: number }>();
  let code = 0;
  let k = 0;
  for (let length = 1; length <= 16; length++) {
    for (let i = 0; i < (bits[length - 1] ?? 0); i++) codes.set(values[k++]!, { code: code++, length });
    code <<= 1;
  }
  return codes;
}

class BitWriter {
  private bytes: Uint8Array;
  private size = 0;
  private acc = 0;
  private count = 0;

  constructor(capacity: number) {
    this.bytes = new Uint8Array(capacity);
  }

  write(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) {
      this.acc = (this.acc << 1) | ((value >> i) & 1);
      if (++this.count === 8) this.flushByte();
    }
  }

  /** Pads the last byte with 1 bits, as the standard asks, and returns the entropy-coded data. */
  finish(): Uint8Array {
    if (this.count > 0) this.write(0xff, 8 - this.count);
    return this.bytes.subarray(0, this.size);
  }

  private flushByte(): void {
    if (this.size + 2 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.bytes[this.size++] = this.acc;
    // A 0xFF data byte is followed by a stuffed 0x00 so that decoders do not read it as a marker.
    if (this.acc === 0xff) this.bytes[this.size++] = 0;
    this.acc = 0;
    this.count = 0;
  }
}

/** JFIF YCbCr of an sRGB colour, as quantised DC levels (level − 128). */
function toDcLevels([r, g, b]: Rgb): [number, number, number] {
  const clamp = (v: number) => Math.max(0, Math.min(255, Math.round(v))) - 128;
  return [
    clamp(0.299 * r + 0.587 * g + 0.114 * b),
    clamp(128 - 0.168736 * r - 0.331264 * g + 0.5 * b),
    clamp(128 + 0.5 * r - 0.418688 * g - 0.081312 * b),
  ];
}

function segment(marker: number, payload: number[]): number[] {
  const length = payload.length + 2;
  return [0xff, marker, length >> 8, length & 0xff, ...payload];
}

function headers(width: number, height: number): number[] {
  const jfif = [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const quant = [0, ...new Array<number>(64).fill(QUANT)];
  // Three components, 1×1 sampling (no chroma subsampling), all on quantisation table 0.
  const frame = [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0];
  const huffman = [0x00, ...DC_BITS, ...DC_VALUES, 0x10, ...AC_BITS, ...AC_VALUES];
  // All components use DC table 0 and AC table 0; spectral selection 0–63, no approximation.
  const scan = [3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 63, 0];
  return [0xff, 0xd8, ...segment(0xe0, jfif), ...segment(0xdb, quant), ...segment(0xc0, frame), ...segment(0xc4, huffman), ...segment(0xda, scan)];
}

/**
 * A baseline JPEG of `width`×`height` (multiples of 16, so quadrant edges fall on block edges) split into
 * four flat quadrants of the given colours. Colours come back within ±2 per channel after decoding.
 */
export function createQuadrantJpeg(width: number, height: number, colours: QuadrantColours): Buffer {
  if (width % 16 || height % 16 || width < 16 || height < 16 || width > 65_535 || height > 65_535) {
    throw new RangeError(`quadrant JPEG size must be multiples of 16 up to 65535, got ${width}×${height}`);
  }
  const dc = huffmanCodes(DC_BITS, DC_VALUES);
  const endOfBlock = huffmanCodes(AC_BITS, AC_VALUES).get(0)!;
  const levels = {
    topLeft: toDcLevels(colours.topLeft),
    topRight: toDcLevels(colours.topRight),
    bottomLeft: toDcLevels(colours.bottomLeft),
    bottomRight: toDcLevels(colours.bottomRight),
  };
  const blocksWide = width / 8;
  const blocksHigh = height / 8;
  // About 14 bits per 8×8 block in flat areas: start near that, the writer grows if needed.
  const out = new BitWriter(Math.ceil((blocksWide * blocksHigh * 14) / 8) + 1024);
  const previous = [0, 0, 0];
  for (let by = 0; by < blocksHigh; by++) {
    const top = by < blocksHigh / 2;
    for (let bx = 0; bx < blocksWide; bx++) {
      const left = bx < blocksWide / 2;
      const block = top ? (left ? levels.topLeft : levels.topRight) : left ? levels.bottomLeft : levels.bottomRight;
      for (let c = 0; c < 3; c++) {
        // DC is coded as the difference from the previous block of the same component (Annex F.1.2.1).
        const diff = block[c]! - previous[c]!;
        previous[c] = block[c]!;
        const category = diff === 0 ? 0 : 32 - Math.clz32(Math.abs(diff));
        const code = dc.get(category)!;
        out.write(code.code, code.length);
        if (category > 0) out.write(diff > 0 ? diff : diff + (1 << category) - 1, category);
        out.write(endOfBlock.code, endOfBlock.length);
      }
    }
  }
  const entropy = out.finish();
  const head = headers(width, height);
  const file = Buffer.alloc(head.length + entropy.length + 2);
  file.set(head, 0);
  file.set(entropy, head.length);
  file.set([0xff, 0xd9], head.length + entropy.length);
  return file;
}
