// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { putJobImage } from '../utils/image-store';
import { CompareView } from './CompareView';

const png = (byte: number) => new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, byte])], { type: 'image/png' });

async function renderCompare() {
  render(<CompareView jobId="j1" prompt="make it night" result={{ width: 1024, height: 768, bytes: 1, type: 'image/png' }} input={{ width: 800, height: 600, bytes: 1, type: 'image/png' }} />);
  const slider = await screen.findByRole('slider', { name: 'Compare with original' });
  return { slider, result: screen.getByRole('img', { name: 'Result: make it night' }) };
}

afterEach(cleanup);

describe('CompareView', () => {
  beforeEach(async () => {
    await putJobImage('j1', 'input', png(1));
    await putJobImage('j1', 'result', png(2));
  });

  it('starts half and half, and moves the divider with the slider keys', async () => {
    const user = userEvent.setup();
    const { slider, result } = await renderCompare();
    expect(slider.getAttribute('aria-valuenow')).toBe('50');
    expect(slider.getAttribute('aria-valuemin')).toBe('0');
    expect(slider.getAttribute('aria-valuemax')).toBe('100');
    slider.focus();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(slider.getAttribute('aria-valuenow')).toBe('52');
    await user.keyboard('{PageDown}');
    expect(slider.getAttribute('aria-valuenow')).toBe('42');
    expect(result.style.clipPath).toBe('inset(0 0 0 42%)');
    await user.keyboard('{End}');
    expect(slider.getAttribute('aria-valuenow')).toBe('100');
    await user.keyboard('{Home}');
    expect(slider.getAttribute('aria-valuenow')).toBe('0');
    expect(slider.getAttribute('aria-valuetext')).toBe('All result');
  });

  it('sizes the box to the result, so both pictures fill the same box', async () => {
    const { result } = await renderCompare();
    const box = result.parentElement as HTMLElement;
    expect(box.style.aspectRatio).toBe('1024 / 768');
    expect(screen.getByRole('img', { name: 'Original image' }).parentElement).toBe(box);
  });

  it('shows the whole original while the hold button is pressed with the pointer', async () => {
    const { result } = await renderCompare();
    const hold = screen.getByRole('button', { name: 'Hold to see original' });
    fireEvent.pointerDown(hold, { button: 0, pointerId: 1 });
    expect(result.hidden).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('Showing the original');
    fireEvent.pointerUp(hold, { button: 0, pointerId: 1 });
    expect(result.hidden).toBe(false);
  });

  it('shows the original while Space or Enter is held on the button, and not after', async () => {
    const { result } = await renderCompare();
    const hold = screen.getByRole('button', { name: 'Hold to see original' });
    hold.focus();
    for (const key of [' ', 'Enter']) {
      fireEvent.keyDown(hold, { key });
      fireEvent.keyDown(hold, { key, repeat: true });
      expect(result.hidden).toBe(true);
      expect(hold.getAttribute('aria-pressed')).toBe('true');
      fireEvent.keyUp(hold, { key });
      expect(result.hidden).toBe(false);
    }
  });

  it('lets go when the button loses the focus mid-hold', async () => {
    const { result } = await renderCompare();
    const hold = screen.getByRole('button', { name: 'Hold to see original' });
    hold.focus();
    fireEvent.keyDown(hold, { key: ' ' });
    expect(result.hidden).toBe(true);
    fireEvent.blur(hold);
    expect(result.hidden).toBe(false);
  });

  it('shows the result alone, without a slider, when the original is not stored', async () => {
    await putJobImage('lonely', 'result', png(3));
    render(<CompareView jobId="lonely" prompt="add a hat" />);
    expect(await screen.findByRole('img', { name: 'Result: add a hat' })).toBeTruthy();
    expect(screen.queryByRole('slider')).toBeNull();
    expect(screen.getByText('The original picture of this edit is not stored.')).toBeTruthy();
  });
});
