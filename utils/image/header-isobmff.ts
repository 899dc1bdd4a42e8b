/**
 * AVIF (and HEIC, the same ISO-BMFF container): the size is the 'ispe' property of the primary
 * item (pitm), found through the item-property associations (ipma) inside meta/iprp; an 'irot'
 * of 90° or 270° swaps it on display (every browser applies irot). An alpha auxiliary image
 * ('auxC') means transparency; the 'avis' brand with a 'moov' track means an animation.
 * A top-level box that runs past the end of the file means it was cut off.
 */
import { EndOfData, latin1, u16be, u32be, u8 } from './byte-reader';
import { CUT_IN_HEADER, emptyHeader, type ImageHeader } from './header-types';
import type { SniffedImageType } from './sniff';

interface Box {
  type: string;
  /** Offset of the box's payload and its end. */
  start: number;
  end: number;
}

/** The boxes directly inside [from, to); `truncated` when the last one claims more bytes than exist. */
function listBoxes(bytes: Uint8Array, from: number, to: number): { boxes: Box[]; cutIn?: string } {
  const boxes: Box[] = [];
  for (let at = from; at + 8 <= to; ) {
    let size = u32be(bytes, at);
    const type = latin1(bytes, at + 4, 4);
    let start = at + 8;
    if (size === 1) {
      // 64-bit size: images never need the high word, but a large one must still count as "past the end".
      size = u32be(bytes, at + 8) * 2 ** 32 + u32be(bytes, at + 12);
      start = at + 16;
    } else if (size === 0) {
      size = to - at; // runs to the end of the file
    }
    if (size < start - at) return { boxes, cutIn: type };
    const end = at + size;
    if (end > to) return { boxes: [...boxes, { type, start, end: to }], cutIn: type };
    boxes.push({ type, start, end });
    at = end;
  }
  return { boxes };
}

/** Read an AVIF or HEIC header; see the module comment. */
export function readIsoBmffHeader(bytes: Uint8Array, type: SniffedImageType): ImageHeader {
  const header = emptyHeader(type);
  try {
    const top = listBoxes(bytes, 0, bytes.length);
    const find = (boxes: Box[], name: string) => boxes.find((box) => box.type === name);
    const ftyp = find(top.boxes, 'ftyp');
    const brands = ftyp ? readBrands(bytes, ftyp) : [];
    header.animated = brands.includes('avis') && find(top.boxes, 'moov') !== undefined;
    const meta = find(top.boxes, 'meta');
    if (meta) readMeta(bytes, meta, header);
    if (top.cutIn) return { ...header, damage: `it is cut off inside its '${top.cutIn.trim()}' box` };
    return header;
  } catch (error) {
    if (!(error instanceof EndOfData)) throw error;
    return { ...header, damage: CUT_IN_HEADER };
  }
}

function readBrands(bytes: Uint8Array, ftyp: Box): string[] {
  const brands = [latin1(bytes, ftyp.start, 4)];
  for (let at = ftyp.start + 8; at + 4 <= ftyp.end; at += 4) brands.push(latin1(bytes, at, 4));
  return brands;
}

function readMeta(bytes: Uint8Array, meta: Box, header: ImageHeader): void {
  // meta is a full box: version and flags come first.
  const children = listBoxes(bytes, meta.start + 4, meta.end).boxes;
  const pitm = children.find((box) => box.type === 'pitm');
  const iprp = children.find((box) => box.type === 'iprp');
  if (!iprp) return;
  const iprpChildren = listBoxes(bytes, iprp.start, iprp.end).boxes;
  const ipco = iprpChildren.find((box) => box.type === 'ipco');
  if (!ipco) return;
  const properties = listBoxes(bytes, ipco.start, ipco.end).boxes;
  const primary = pitm ? (u8(bytes, pitm.start) === 0 ? u16be(bytes, pitm.start + 4) : u32be(bytes, pitm.start + 4)) : undefined;
  const associated = iprpChildren
    .filter((box) => box.type === 'ipma')
    .flatMap((ipma) => readAssociations(bytes, ipma))
    .filter((entry) => entry.item === primary)
    .map((entry) => properties[entry.property - 1])
    .filter((box): box is Box => box !== undefined);
  // Without pitm/ipma, the largest ispe is the image itself (others are thumbnails or tiles).
  const candidates = associated.length > 0 ? associated : properties;
  const sizes = candidates.filter((box) => box.type === 'ispe').map((box) => ({ width: u32be(bytes, box.start + 4), height: u32be(bytes, box.start + 8) }));
  const size = sizes.sort((a, b) => b.width * b.height - a.width * a.height)[0];
  const irot = candidates.find((box) => box.type === 'irot');
  const quarterTurn = irot !== undefined && (u8(bytes, irot.start) & 1) === 1;
  if (size) {
    header.width = quarterTurn ? size.height : size.width;
    header.height = quarterTurn ? size.width : size.height;
  }
  // irot turns anticlockwise: 90° is EXIF 8, 180° is 3, 270° is 6.
  if (irot) header.orientation = ([1, 8, 3, 6] as const)[u8(bytes, irot.start) & 3] ?? 1;
  header.mayHaveAlpha = properties.some((box) => box.type === 'auxC' && latin1(bytes, box.start + 4, Math.min(64, box.end - box.start - 4)).includes('alpha'));
}

/** (item, 1-based property index) pairs of an ipma box. */
function readAssociations(bytes: Uint8Array, ipma: Box): { item: number; property: number }[] {
  const version = u8(bytes, ipma.start);
  const wideIndex = (u8(bytes, ipma.start + 3) & 1) === 1;
  const pairs: { item: number; property: number }[] = [];
  let at = ipma.start + 4;
  const count = u32be(bytes, at);
  at += 4;
  for (let i = 0; i < count; i += 1) {
    const item = version < 1 ? u16be(bytes, at) : u32be(bytes, at);
    at += version < 1 ? 2 : 4;
    const associations = u8(bytes, at);
    at += 1;
    for (let j = 0; j < associations; j += 1) {
      // The top bit marks the property as essential; the rest is its index in ipco.
      const property = wideIndex ? u16be(bytes, at) & 0x7fff : u8(bytes, at) & 0x7f;
      at += wideIndex ? 2 : 1;
      pairs.push({ item, property });
    }
  }
  return pairs;
}
