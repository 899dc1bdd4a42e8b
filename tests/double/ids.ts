// Random identifiers shaped like Replicate's.
import { randomBytes } from 'node:crypto';

const LOWER = 'abcdefghijklmnopqrstuvwxyz0123456789';
const MIXED = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** Random id of lowercase letters and digits (or mixed case, like delivery paths). */
export function randomId(length: number, mixedCase = false): string {
  const alphabet = mixedCase ? MIXED : LOWER;
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}
