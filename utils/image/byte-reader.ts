/**
 * Bounds-checked reads for the header parsers. Reading past the end throws EndOfData, so a parser
 * of a truncated file can say "it ends here" in one catch instead of checking every offset.
 */

/** Thrown by the readers below when a file ends before the byte they were asked for. */
export class EndOfData extends Error {
  override name = 'EndOfData';
}

/** The byte at `at`; EndOfData past the end. */
export function u8(bytes: Uint8Array, at: number): number {
  const value = bytes[at];
  if (value === undefined) throw new EndOfData(`byte ${at} of ${bytes.length}`);
  return value;
}

/** Big-endian unsigned 16-bit integer. */
export function u16be(bytes: Uint8Array, at: number): number {
  return (u8(bytes, at) << 8) | u8(bytes, at + 1);
}

/** Big-endian unsigned 32-bit integer. */
export function u32be(bytes: Uint8Array, at: number): number {
  return u16be(bytes, at) * 0x10000 + u16be(bytes, at + 2);
}

/** Little-endian unsigned 16-bit integer. */
export function u16le(bytes: Uint8Array, at: number): number {
  return u8(bytes, at) | (u8(bytes, at + 1) << 8);
}

/** Little-endian unsigned 24-bit integer. */
export function u24le(bytes: Uint8Array, at: number): number {
  return u16le(bytes, at) + u8(bytes, at + 2) * 0x10000;
}

/** Little-endian unsigned 32-bit integer. */
export function u32le(bytes: Uint8Array, at: number): number {
  return u16le(bytes, at) + u16le(bytes, at + 2) * 0x10000;
}

/** Little-endian signed 32-bit integer (BMP heights are negative for top-down rows). */
export function i32le(bytes: Uint8Array, at: number): number {
  return u32le(bytes, at) | 0;
}

/** `length` bytes as Latin-1 text (chunk and box names); EndOfData when the file is shorter. */
export function latin1(bytes: Uint8Array, at: number, length: number): string {
  if (at + length > bytes.length) throw new EndOfData(`bytes ${at}..${at + length} of ${bytes.length}`);
  return String.fromCharCode(...bytes.subarray(at, at + length));
}
