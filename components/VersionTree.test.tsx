// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeVersion } from '../utils/ui/testing/make-version';
import { VersionTree } from './VersionTree';

// v1 ─ v2 ─ v3
//    └ v4 (a branch: Edit again on version 1)
const tree = [
  makeVersion('v1', 1, undefined, { job: { prompt: 'make it night' } }),
  makeVersion('v2', 2, 'v1', { job: { prompt: 'add stars' } }),
  makeVersion('v3', 3, 'v2', { job: { prompt: 'add a moon' } }),
  makeVersion('v4', 4, 'v1', { job: { prompt: 'make it snow' } }),
];

function renderTree(currentId = 'v3', onOpen = vi.fn()) {
  render(<VersionTree tree={[...tree].reverse()} currentId={currentId} onOpen={onOpen} />);
  return { onOpen, root: screen.getByRole('tree', { name: 'Versions' }) };
}

afterEach(cleanup);

describe('VersionTree', () => {
  it('names every version by number and prompt, nesting edits under what they edited, branches as siblings', () => {
    const { root } = renderTree();
    const first = within(root).getByRole('treeitem', { name: 'Version 1: make it night' });
    expect(first.getAttribute('aria-level')).toBe('1');
    const firstGroup = within(first).getAllByRole('group')[0] as HTMLElement;
    const children = [...firstGroup.children].map((item) => item.getAttribute('aria-label'));
    expect(children).toEqual(['Version 2: add stars', 'Version 4: make it snow']);
    const second = within(root).getByRole('treeitem', { name: 'Version 2: add stars' });
    expect(within(second).getByRole('treeitem', { name: 'Version 3: add a moon' }).getAttribute('aria-level')).toBe('3');
    expect(first.getAttribute('aria-expanded')).toBe('true');
    expect(within(root).getByRole('treeitem', { name: 'Version 4: make it snow' }).hasAttribute('aria-expanded')).toBe(false);
  });

  it('marks the open version as selected and current, and makes it the one Tab reaches', () => {
    renderTree('v3');
    const items = screen.getAllByRole('treeitem');
    const open = screen.getByRole('treeitem', { name: 'Version 3: add a moon' });
    expect(open.getAttribute('aria-selected')).toBe('true');
    expect(open.getAttribute('aria-current')).toBe('page');
    expect(items.filter((item) => item.getAttribute('aria-selected') === 'true')).toEqual([open]);
    expect(items.filter((item) => item.tabIndex === 0)).toEqual([open]);
  });

  it('moves with the arrow keys and opens a version with Enter', async () => {
    const user = userEvent.setup();
    const { onOpen } = renderTree('v3');
    screen.getByRole('treeitem', { name: 'Version 3: add a moon' }).focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Version 4: make it snow');
    await user.keyboard('{Home}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Version 1: make it night');
    await user.keyboard('{ArrowDown}{Enter}');
    expect(onOpen).toHaveBeenCalledWith('v2');
  });

  it('collapses and expands a branch with Left and Right', async () => {
    const user = userEvent.setup();
    renderTree('v1');
    screen.getByRole('treeitem', { name: 'Version 1: make it night' }).focus();
    await user.keyboard('{ArrowLeft}');
    expect(screen.getAllByRole('treeitem')).toHaveLength(1);
    expect(screen.getByRole('treeitem').getAttribute('aria-expanded')).toBe('false');
    await user.keyboard('{ArrowRight}');
    expect(screen.getAllByRole('treeitem')).toHaveLength(4);
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Version 2: add stars');
  });

  it('opens the version clicked, not the one around it', async () => {
    const user = userEvent.setup();
    const { onOpen } = renderTree('v1');
    await user.click(screen.getByText('add a moon'));
    expect(onOpen).toHaveBeenCalledTimes(1);
    expect(onOpen).toHaveBeenCalledWith('v3');
  });
});
