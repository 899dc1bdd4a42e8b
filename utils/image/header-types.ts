/** What a file's header says about the picture, read before any decoding (see header.ts). */
import type { ExifOrientation } from './exif-orientation';
import type { SniffedImageType } from './sniff';

/** How pixels are stored, where the header says; decoders turn all of these into RGBA. */
export type ColorModel = 'gray' | 'gray-alpha' | 'rgb' | 'rgba' | 'palette' | 'cmyk' | 'ycck' | 'ycbcr';

/** Facts from a file header. */
export interface ImageHeader {
  type: SniffedImageType;
  /** Displayed pixel size (orientation applied); 0×0 when the header does not say or the file ends first. */
  width: number;
  height: number;
  /** EXIF orientation (1 when none); for AVIF, the irot rotation mapped onto the same numbers. */
  orientation: ExifOrientation;
  /**
   * True when the file asks for a quarter turn that browsers do not agree on (EXIF in PNG or WebP):
   * then only a full decode tells the displayed size, and width/height are the stored size.
   */
  orientationUncertain: boolean;
  /** More than one frame (GIF, APNG, animated WebP or AVIF): only the first is decoded. */
  animated: boolean;
  /** False only when the format guarantees every pixel is opaque, so reading pixels back can be skipped. */
  mayHaveAlpha: boolean;
  colorModel?: ColorModel;
  /** Bits per channel (8, or 16 for deep PNG) where the header says. */
  bitDepth?: number;
  /** Why the file cannot be whole, as the end of a sentence ("it is cut off …"); absent when it looks complete. */
  damage?: string;
}

/** A header with nothing known yet besides the type; parsers fill in what they find. */
export function emptyHeader(type: ImageHeader['type']): ImageHeader {
  return { type, width: 0, height: 0, orientation: 1, orientationUncertain: false, animated: false, mayHaveAlpha: true };
}

/** The damage text for a file that ends inside the part a parser needs. */
export const CUT_IN_HEADER = 'it is cut off inside its header';
