// The pixel layout every corpus image shares: four flat quadrants, so a test can read size, orientation
// and which file was used from four samples, whatever the scaling or re-encoding did in between.
import type { QuadrantColours, Rgb } from './quadrant-jpeg';

export type { QuadrantColours, Rgb } from './quadrant-jpeg';

/** Colours of the image a correct extension sends: red top-left, green top-right, blue and yellow below. */
export const QUADRANTS: QuadrantColours = {
  topLeft: [214, 40, 40],
  topRight: [46, 160, 67],
  bottomLeft: [36, 84, 204],
  bottomRight: [242, 196, 36],
};

/** Colours of the decoys (thumbnail `src`, `<picture>` fallback, later GIF frames): seeing them means the wrong pixels were sent. */
export const DECOY_QUADRANTS: QuadrantColours = {
  topLeft: [190, 60, 190],
  topRight: [40, 190, 200],
  bottomLeft: [235, 235, 235],
  bottomRight: [25, 25, 25],
};

/** A quadrant's expected content: a colour, or fully transparent (alpha near 0, colour ignored). */
export type QuadrantExpectation = Rgb | 'transparent';

/** The same quadrants turned 90° clockwise, as EXIF orientation 6 displays a stored image. */
export function rotateClockwise<C>(q: QuadrantColours<C>): QuadrantColours<C> {
  return { topLeft: q.bottomLeft, topRight: q.topLeft, bottomRight: q.topRight, bottomLeft: q.bottomRight };
}

/** Colour of pixel (x, y) in an image of `width`×`height` laid out as `q`. */
export function quadrantAt<C>(q: QuadrantColours<C>, width: number, height: number, x: number, y: number): C {
  const top = y < height / 2;
  const left = x < width / 2;
  return top ? (left ? q.topLeft : q.topRight) : left ? q.bottomLeft : q.bottomRight;
}

/** Quadrant colours as CSS `rgb()` strings, for pages that draw them (canvas, SVG). */
export function cssColours(q: QuadrantColours): QuadrantColours<string> {
  const css = ([r, g, b]: Rgb) => `rgb(${r}, ${g}, ${b})`;
  return { topLeft: css(q.topLeft), topRight: css(q.topRight), bottomLeft: css(q.bottomLeft), bottomRight: css(q.bottomRight) };
}
