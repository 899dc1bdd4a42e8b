// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stubElementsFromPoint, stubLoaded, stubRect } from '../utils/page/testing/stub-layout';
import { ImagePicker, NOTHING_HERE, PICKER_HINT } from './ImagePicker';

/**
 * The page under the picker: a photo on the left over a hero background, a chart on the right,
 * nothing but text at the bottom. Every hit test also returns the picker's own layer on top, as a
 * real one would, to show the picker never offers itself.
 */
function page() {
  const area = document.createElement('main');
  area.innerHTML = `
    <div id="hero" style="background-image: url(hero.jpg)"><img id="photo" alt="photo" src="photo.jpg"><a id="link" href="#"></a></div>
    <canvas id="chart" width="300" height="150"></canvas><p id="text">text</p>`;
  // (happy-dom's viewport is 1024×768.)
  document.body.append(area);
  const get = (id: string) => document.getElementById(id)!;
  stubRect(get('hero'), 0, 0, 700, 400);
  stubRect(get('photo'), 0, 0, 600, 300);
  stubRect(get('link'), 0, 0, 600, 300);
  stubRect(get('chart'), 700, 0, 300, 150);
  stubLoaded(get('photo') as HTMLImageElement, 800, 600);
  stubElementsFromPoint(document, (x, y) => {
    const layer = [...document.querySelectorAll('.kx-picker, .kx-picker-box')];
    if (y > 500) return [...layer, get('text'), document.body];
    if (x >= 700) return [...layer, get('chart'), document.body];
    return [...layer, get('link'), get('photo'), get('hero'), document.body];
  });
  return { get };
}

function renderPicker() {
  const onPick = vi.fn();
  const onCancel = vi.fn();
  render(<ImagePicker doc={document} onPick={onPick} onCancel={onCancel} />);
  return { onPick, onCancel, layer: screen.getByRole('dialog', { name: 'Pick an image to edit' }) };
}

beforeEach(() => {
  document.body.innerHTML = '';
});
afterEach(cleanup);

describe('ImagePicker', () => {
  it('is a dialog named "Pick an image to edit" with the instruction, and takes the focus', () => {
    page();
    const { layer } = renderPicker();
    expect(screen.getByText(PICKER_HINT)).toBeTruthy();
    expect(layer.getAttribute('aria-describedby')).toBe(screen.getByText(PICKER_HINT).id);
    expect(document.activeElement).toBe(layer);
  });

  it('outlines the top picture under the pointer with its name and size', () => {
    page();
    const { layer } = renderPicker();
    fireEvent.pointerMove(layer, { clientX: 750, clientY: 50 });
    const box = document.querySelector<HTMLElement>('.kx-picker-box')!;
    expect(box.textContent).toBe('canvas 300 × 150');
    expect([box.style.left, box.style.top, box.style.width, box.style.height]).toEqual(['700px', '0px', '300px', '150px']);
    fireEvent.pointerMove(layer, { clientX: 50, clientY: 600 });
    expect(document.querySelector('.kx-picker-box')).toBeNull();
  });

  it('picks the only picture at the clicked point, and the page never sees the click', () => {
    const { get } = page();
    const pageClicks = vi.fn();
    document.addEventListener('click', pageClicks);
    document.addEventListener('mousedown', pageClicks);
    const { layer, onPick } = renderPicker();
    fireEvent.mouseDown(layer, { clientX: 750, clientY: 50 });
    fireEvent.click(layer, { clientX: 750, clientY: 50 });
    expect(onPick).toHaveBeenCalledWith(get('chart'));
    expect(pageClicks).not.toHaveBeenCalled();
    document.removeEventListener('click', pageClicks);
    document.removeEventListener('mousedown', pageClicks);
  });

  it('never offers the shadow host it is rendered in, whatever its name', () => {
    const { get } = page();
    const host = document.createElement('picker-host');
    host.style.backgroundImage = 'url(decoy.png)';
    stubRect(host, 0, 0, 1024, 768);
    document.body.append(host);
    const container = host.attachShadow({ mode: 'open' }).appendChild(document.createElement('div'));
    stubElementsFromPoint(document, () => [host, get('chart'), document.body]);
    const onPick = vi.fn();
    render(<ImagePicker doc={document} onPick={onPick} onCancel={vi.fn()} />, { container });
    fireEvent.click(container.querySelector('.kx-picker')!, { clientX: 750, clientY: 50 });
    expect(onPick.mock.calls).toEqual([[get('chart')]]);
  });

  it('lets the keyboard choose between pictures stacked under a transparent link', async () => {
    const user = userEvent.setup();
    const { get } = page();
    const { layer, onPick } = renderPicker();
    fireEvent.click(layer, { clientX: 100, clientY: 100 });

    const choices = screen.getAllByRole('button', { name: /^Image \d of 2:/ });
    expect(choices.map((button) => button.textContent)).toEqual(['Image 1 of 2: photo 800 × 600', 'Image 2 of 2: background of div 700 × 400']);
    expect(screen.getByRole('group', { name: 'Images at this point' })).toBeTruthy();
    expect(document.activeElement).toBe(choices[0]);
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(choices[1]);
    expect(document.querySelector('.kx-picker-box:not(.kx-picker-box-secondary)')?.textContent).toBe('background of div 700 × 400');
    await user.keyboard('{Enter}');
    expect(onPick).toHaveBeenCalledTimes(1);
    expect(onPick).toHaveBeenCalledWith(get('hero'));
  });

  it('picks from the list with the mouse', async () => {
    const user = userEvent.setup();
    const { get } = page();
    const { layer, onPick } = renderPicker();
    fireEvent.click(layer, { clientX: 100, clientY: 100 });
    await user.click(screen.getByRole('button', { name: 'Image 1 of 2: photo 800 × 600' }));
    expect(onPick.mock.calls).toEqual([[get('photo')]]);
  });

  it('closes the list on Escape, then leaves on the next Escape', async () => {
    const user = userEvent.setup();
    page();
    const { layer, onCancel } = renderPicker();
    fireEvent.click(layer, { clientX: 100, clientY: 100 });
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: 'Images at this point' })).toBeNull();
    expect(onCancel).not.toHaveBeenCalled();
    await user.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('keeps its keys (arrows in the list, Escape) from the page', async () => {
    const user = userEvent.setup();
    page();
    const pageKeys = vi.fn();
    document.addEventListener('keydown', pageKeys);
    document.addEventListener('keyup', pageKeys);
    const { layer, onCancel } = renderPicker();
    fireEvent.click(layer, { clientX: 100, clientY: 100 });
    await user.keyboard('{ArrowDown}{Escape}{Escape}');
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(pageKeys).not.toHaveBeenCalled();
    document.removeEventListener('keydown', pageKeys);
    document.removeEventListener('keyup', pageKeys);
  });

  it('leaves with the Cancel button', async () => {
    const user = userEvent.setup();
    page();
    const { onCancel, onPick } = renderPicker();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onPick).not.toHaveBeenCalled();
  });

  it('says so when there is no picture at the clicked point', () => {
    page();
    const { layer, onPick } = renderPicker();
    fireEvent.click(layer, { clientX: 50, clientY: 600 });
    expect(screen.getByRole('status').textContent).toBe(NOTHING_HERE);
    expect(onPick).not.toHaveBeenCalled();
  });

  it('follows the page when it scrolls under a still pointer', () => {
    const { get } = page();
    const { layer } = renderPicker();
    fireEvent.pointerMove(layer, { clientX: 750, clientY: 50 });
    stubRect(get('chart'), 700, -40, 300, 150);
    act(() => {
      window.dispatchEvent(new Event('scroll'));
    });
    expect(document.querySelector<HTMLElement>('.kx-picker-box')!.style.top).toBe('0px');
    expect(document.querySelector<HTMLElement>('.kx-picker-box')!.style.height).toBe('110px');
  });
});
