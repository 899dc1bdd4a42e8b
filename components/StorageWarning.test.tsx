// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StorageFigures } from '../utils/ui/history-storage-deps';
import { StorageWarning } from './StorageWarning';

const GB = 1e9;

function source(figures: StorageFigures) {
  let current = figures;
  let changed = () => {};
  return {
    estimate: async () => current,
    watch: (callback: () => void) => {
      changed = callback;
      return () => {};
    },
    becomes: (next: StorageFigures) => {
      current = next;
      changed();
    },
  };
}

afterEach(cleanup);

describe('StorageWarning', () => {
  it('offers the way to the options page section where space is made', async () => {
    const open = vi.fn();
    render(<StorageWarning source={source({ usage: 9.2 * GB, quota: 10 * GB })} onOpenStorage={open} />);
    (await screen.findByRole('button', { name: 'Open History and storage' })).click();
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('stays out of the way while there is room', async () => {
    const { container } = render(<StorageWarning source={source({ usage: GB, quota: 100 * GB })} />);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(container.textContent).toBe('');
  });

  it('tells the user to export and delete older edits when storage runs low, and alerts when it is nearly full', async () => {
    const figures = source({ usage: 9.2 * GB, quota: 10 * GB });
    render(<StorageWarning source={figures} />);
    expect((await screen.findByRole('status')).textContent).toMatch(/^Storage is running low: 800 MB left\. Export your history.*delete older edits/);

    figures.becomes({ usage: 9.95 * GB, quota: 10 * GB });
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Storage is almost full: only 50 MB left/);
    expect(screen.queryByRole('status')).toBeNull();
  });
});
