import { describe, expect, it, vi } from 'vitest';
import type { Job } from './job';
import type { PageMessage } from './messages';
import { replaceOnPage, restoreOriginal, samePage, type ReplaceOnPageDeps, type TabInfo } from './replace-on-page';
import type { ReplacedEntry } from './replace-on-page-state';
import { makeJob } from './ui/testing/make-job';

const PAGE = 'https://example.com/gallery?x=1';
const RESULT = { width: 10, height: 10, bytes: 100, type: 'image/png' };
const pageSource = { kind: 'page' as const, srcUrl: 'https://example.com/cat.png', token: 'tok', pageUrl: PAGE, pageTitle: 'Gallery', tabId: 4, frameId: 2 };

interface Fakes {
  jobs?: Job[];
  tabs?: TabInfo[];
  active?: TabInfo;
  /** What the frame answers; `undefined` means nothing listens there (until injected when `injectable`). */
  answer?: unknown;
  injectable?: boolean;
}

function setup(fakes: Fakes) {
  const jobs = fakes.jobs ?? [];
  const entries: ReplacedEntry[] = [];
  let injected = false;
  const sent: { tabId: number; frameId: number; message: PageMessage }[] = [];
  const deps: ReplaceOnPageDeps = {
    findJob: async (id) => jobs.find((job) => job.id === id),
    resultDataUri: async (id) => `data:image/png;base64,${id}`,
    getTab: async (tabId) => fakes.tabs?.find((tab) => tab.id === tabId),
    activeTab: async () => fakes.active,
    sendToFrame: async (tabId, frameId, message) => {
      sent.push({ tabId, frameId, message });
      if (fakes.answer === undefined || (fakes.injectable && !injected)) throw new Error('Could not establish connection. Receiving end does not exist.');
      return fakes.answer;
    },
    injectPromptScript: vi.fn(async () => {
      if (!fakes.injectable) throw new Error('Cannot access contents of the page.');
      injected = true;
    }),
    replaced: {
      list: async () => [...entries],
      set: async (entry, replaced) => {
        const at = entries.findIndex((item) => item.tabId === entry.tabId && item.jobId === entry.jobId);
        if (at >= 0) entries.splice(at, 1);
        if (replaced) entries.push(entry);
      },
    },
  };
  return { deps, sent, entries };
}

const done = (overrides: Partial<Job> = {}) => makeJob({ phase: 'done', result: RESULT, source: pageSource, ...overrides });

describe('replaceOnPage', () => {
  it('sends the result bytes, the click token and the address to the frame of the click, and remembers it', async () => {
    const job = done();
    const { deps, sent, entries } = setup({ jobs: [job], tabs: [{ id: 4, url: `${PAGE}#section` }], answer: { ok: true } });
    expect(await replaceOnPage(job.id, deps)).toEqual({ ok: true, state: 'replaced' });
    expect(sent).toEqual([{ tabId: 4, frameId: 2, message: { type: 'page:replace', jobId: job.id, dataUri: `data:image/png;base64,${job.id}`, token: 'tok', srcUrl: pageSource.srcUrl } }]);
    expect(entries).toEqual([{ tabId: 4, frameId: 2, jobId: job.id }]);
  });

  it('uses an edit of an edit’s own result on the picture its chain started from', async () => {
    const root = done();
    const child = done({ source: { kind: 'job', jobId: root.id } });
    const grandchild = done({ source: { kind: 'job', jobId: child.id } });
    const { deps, sent } = setup({ jobs: [root, child, grandchild], tabs: [{ id: 4, url: PAGE }], answer: { ok: true } });
    await replaceOnPage(grandchild.id, deps);
    expect(sent[0]?.message).toMatchObject({ jobId: grandchild.id, dataUri: `data:image/png;base64,${grandchild.id}`, srcUrl: pageSource.srcUrl });
  });

  it('injects the prompt script when the page has none (it was reloaded), then replaces', async () => {
    const job = done();
    const { deps, sent } = setup({ jobs: [job], tabs: [{ id: 4, url: PAGE }], answer: { ok: true }, injectable: true });
    expect(await replaceOnPage(job.id, deps)).toEqual({ ok: true, state: 'replaced' });
    expect(deps.injectPromptScript).toHaveBeenCalledWith(4, 2);
    expect(sent).toHaveLength(2);
  });

  it('asks to open the page when the tab now shows another one', async () => {
    const job = done();
    const { deps, sent } = setup({ jobs: [job], tabs: [{ id: 4, url: 'https://example.com/elsewhere' }], answer: { ok: true } });
    expect(await replaceOnPage(job.id, deps)).toEqual({ ok: false, message: 'Open the page the picture came from: Gallery' });
    expect(sent).toEqual([]);
  });

  it('names the address when the page had no title, and the tab is closed', async () => {
    const job = done({ source: { ...pageSource, pageTitle: undefined } });
    const { deps } = setup({ jobs: [job], tabs: [], answer: { ok: true } });
    expect(await replaceOnPage(job.id, deps)).toEqual({ ok: false, message: `Open the page the picture came from: ${PAGE}` });
  });

  it('uses the tab the user is looking at when it shows the page (opened again in another tab)', async () => {
    const job = done();
    const { deps, sent } = setup({ jobs: [job], tabs: [], active: { id: 9, url: PAGE }, answer: { ok: true } });
    expect(await replaceOnPage(job.id, deps)).toEqual({ ok: true, state: 'replaced' });
    // Another document: the click's token means nothing there, the address finds the picture.
    expect(sent[0]).toMatchObject({ tabId: 9, frameId: 0 });
    expect(sent[0]?.message).not.toHaveProperty('token');
  });

  it('passes on the page’s reason and remembers nothing', async () => {
    const job = done();
    const { deps, entries } = setup({ jobs: [job], tabs: [{ id: 4, url: PAGE }], answer: { ok: false, message: 'The picture is no longer on this page.' } });
    expect(await replaceOnPage(job.id, deps)).toEqual({ ok: false, message: 'The picture is no longer on this page.' });
    expect(entries).toEqual([]);
  });

  it('says so when the page cannot be reached', async () => {
    const job = done();
    const { deps } = setup({ jobs: [job], tabs: [{ id: 4, url: PAGE }] });
    expect(await replaceOnPage(job.id, deps)).toEqual({ ok: false, message: expect.stringMatching(/cannot change that page/) });
  });

  it.each([
    ['an unknown job', undefined],
    ['an unfinished job', makeJob({ phase: 'polling', source: pageSource })],
  ])('refuses %s', async (_name, job) => {
    const { deps, sent } = setup({ jobs: job ? [job] : [], tabs: [{ id: 4, url: PAGE }], answer: { ok: true } });
    expect(await replaceOnPage(job?.id ?? 'nope', deps)).toEqual({ ok: false, message: 'That result no longer exists.' });
    expect(sent).toEqual([]);
  });

  it('refuses a chain whose start is gone', async () => {
    const orphan = done({ source: { kind: 'job', jobId: 'deleted' } });
    const { deps } = setup({ jobs: [orphan], tabs: [{ id: 4, url: PAGE }], answer: { ok: true } });
    expect(await replaceOnPage(orphan.id, deps)).toEqual({ ok: false, message: expect.stringMatching(/web page/) });
  });
});

describe('restoreOriginal', () => {
  it('asks each frame that shows the result to restore it, then forgets it', async () => {
    const job = done();
    const { deps, sent, entries } = setup({ jobs: [job], tabs: [{ id: 4, url: PAGE }], answer: { ok: true } });
    await replaceOnPage(job.id, deps);
    expect(await restoreOriginal(job.id, deps)).toEqual({ ok: true, state: 'restored' });
    expect(sent[1]).toEqual({ tabId: 4, frameId: 2, message: { type: 'page:restore', jobId: job.id } });
    expect(entries).toEqual([]);
  });

  it('is a success without injecting when the page no longer has the script (reloaded)', async () => {
    const { deps, entries } = setup({ answer: undefined });
    await deps.replaced.set({ tabId: 4, frameId: 0, jobId: 'j1' }, true);
    expect(await restoreOriginal('j1', deps)).toEqual({ ok: true, state: 'restored' });
    expect(deps.injectPromptScript).not.toHaveBeenCalled();
    expect(entries).toEqual([]);
  });
});

describe('samePage', () => {
  it.each([
    [PAGE, `${PAGE}#top`, true],
    [PAGE, 'https://example.com/gallery?x=2', false],
    [undefined, PAGE, false],
  ])('%s and %s: %s', (a, b, expected) => {
    expect(samePage(a, b)).toBe(expected);
  });
});
