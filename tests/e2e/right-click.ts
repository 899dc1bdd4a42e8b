import type { Locator, Page } from '@playwright/test';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { testDisplayEnv } from './x-display';

const run = promisify(execFile);

/** Runs xdotool on the X display the browser uses (this worker's own Xvfb, see x-display.ts). */
async function xdotool(...args: string[]): Promise<string> {
  // A timeout because `mousemove --sync` can wait forever when the pointer does not move.
  const { stdout } = await run('xdotool', args, { timeout: 5_000, env: testDisplayEnv() });
  return stdout;
}

/** Screen coordinates (X11 pixels) of the centre of `target`, scrolled into view first. */
export async function screenPointOf(page: Page, target: Locator): Promise<{ x: number; y: number }> {
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  if (!box) throw new Error('The element to right-click is not visible');
  // Measured on every call: an info bar or a resize moves the page inside the window.
  const m = await page.evaluate(() => ({
    screenX: window.screenX,
    screenY: window.screenY,
    borderX: (window.outerWidth - window.innerWidth) / 2,
    chromeY: window.outerHeight - window.innerHeight,
    ratio: window.devicePixelRatio,
  }));
  // Assumes the browser UI sits above the page (toolbar) and the side borders are equal.
  return {
    x: Math.round((m.screenX + m.borderX + box.x + box.width / 2) * m.ratio),
    y: Math.round((m.screenY + m.chromeY + box.y + box.height / 2) * m.ratio),
  };
}

/** Moves the real X pointer; skips the move when already there (`--sync` would then hang). */
async function movePointer(x: number, y: number): Promise<void> {
  // Prints lines like X=640, Y=480, SCREEN=0, WINDOW=123.
  const location = await xdotool('getmouselocation', '--shell');
  const current = Object.fromEntries(location.trim().split('\n').map((line) => line.split('=')));
  if (Number(current.X) === x && Number(current.Y) === y) return;
  await xdotool('mousemove', '--sync', String(x), String(y));
}

/** Keys that choose the preset at `index` (0 = the first) in the image menu's submenu, below "Describe an edit…". */
export function presetMenuKeys(index: number): string[] {
  return ['e', ...Array.from({ length: index + 2 }, () => 'Down'), 'Return'];
}

/** Options of {@link rightClickImageAndChoose}. */
export interface ChooseOptions {
  /**
   * Keys typed into the open menu (xdotool key names). Default `['e', 'Down', 'Return']`: Chromium's menus
   * act on the only item whose first letter is typed — on an image menu only "Edit with Kontext" starts
   * with E — and typing it opens its submenu with nothing selected; Down selects the first child,
   * "Describe an edit…", and Return chooses it (measured: `['e', 'Return']` chooses nothing). A preset
   * is chosen by its place: {@link presetMenuKeys}.
   */
  keys?: string[];
  /** How long the menu gets to open before typing (default 500 ms). */
  menuDelayMs?: number;
}

/**
 * Right-clicks `target` with the real mouse (xdotool) so Chromium opens its native context menu, then
 * chooses our item with the keyboard. Unlike dispatching the menu event, this grants `activeTab` exactly as
 * a user's click does. Needs a headed browser on an X display (the worker fixture starts an Xvfb).
 */
export async function rightClickImageAndChoose(page: Page, target: Locator, options: ChooseOptions = {}): Promise<void> {
  const { keys = ['e', 'Down', 'Return'], menuDelayMs = 500 } = options;
  await page.bringToFront();
  // A half-loaded image can still be right-clicked, but its menu entry would race the load.
  await target.evaluate((el) => (el instanceof HTMLImageElement && !el.complete ? el.decode().catch(() => undefined) : undefined));
  const { x, y } = await screenPointOf(page, target);
  await movePointer(x, y);
  await xdotool('click', '3');
  await page.waitForTimeout(menuDelayMs);
  await xdotool('key', ...keys);
}
