// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ALL_SITES, type SiteAccessDeps } from '../utils/ui/site-access';
import { SiteAccessPanel } from './SiteAccessPanel';

function fakeAccess(granted: boolean, grants = true) {
  let has = granted;
  const listeners = new Set<() => void>();
  const deps: SiteAccessDeps = {
    contains: vi.fn(async () => has),
    request: vi.fn(async () => {
      has = grants;
      return grants;
    }),
    remove: vi.fn(async () => {
      has = false;
      return true;
    }),
    watch: (callback) => {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
  };
  return { deps, changeElsewhere: (value: boolean) => { has = value; listeners.forEach((l) => l()); } };
}

afterEach(cleanup);

describe('SiteAccessPanel', () => {
  it('offers access to all sites with its reason, and asks the browser for exactly that', async () => {
    const user = userEvent.setup();
    const { deps } = fakeAccess(false);
    render(<SiteAccessPanel deps={deps} />);
    expect(screen.getByRole('region', { name: 'Access to all sites' }).textContent).toMatch(/Optional\..*full quality/s);
    await user.click(await screen.findByRole('button', { name: 'Allow access to all sites' }));
    expect(deps.request).toHaveBeenCalledWith(ALL_SITES);
    expect((await screen.findByRole('status')).textContent).toBe('Access to all sites is allowed.');
  });

  it('explains a refusal: everything still works without it', async () => {
    const user = userEvent.setup();
    const { deps } = fakeAccess(false, false);
    render(<SiteAccessPanel deps={deps} />);
    await user.click(await screen.findByRole('button', { name: 'Allow access to all sites' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/not granted.*through the page or from a screenshot/);
  });

  it('lets the user take access back', async () => {
    const user = userEvent.setup();
    const { deps } = fakeAccess(true);
    render(<SiteAccessPanel deps={deps} />);
    await user.click(await screen.findByRole('button', { name: 'Remove access to all sites' }));
    expect(deps.remove).toHaveBeenCalledWith(ALL_SITES);
    expect(await screen.findByRole('button', { name: 'Allow access to all sites' })).toBeTruthy();
  });

  it('follows a change made elsewhere (the browser’s own extension settings)', async () => {
    const { deps, changeElsewhere } = fakeAccess(false);
    render(<SiteAccessPanel deps={deps} />);
    await screen.findByRole('button', { name: 'Allow access to all sites' });
    changeElsewhere(true);
    expect(await screen.findByRole('button', { name: 'Remove access to all sites' })).toBeTruthy();
  });
});
