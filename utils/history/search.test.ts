import { describe, expect, it } from 'vitest';
import { makeJob } from '../../tests/unit/make-job';
import { entryFromJob } from './history-entry';
import { matchesSearch, searchWords, siteOf } from './search';

const root = makeJob({ id: 'root', prompt: 'make it a watercolour', source: { kind: 'page', pageUrl: 'https://www.example.org/cats?x=1', pageTitle: 'Cats of Lisbon' } });
const child = makeJob({ id: 'child', prompt: 'add a hat', source: { kind: 'job', jobId: 'root' } });
const rootEntry = entryFromJob(root, undefined, 1);
const history = new Map([[root.id, rootEntry], [child.id, entryFromJob(child, rootEntry, 2)]]);

describe('history search', () => {
  it('finds edits by instruction, site or page title, all words required, any case', () => {
    const find = (query: string) => [root, child].filter((job) => matchesSearch(job, searchWords(query), history)).map((job) => job.id);
    expect(find('WATERCOLOUR')).toEqual(['root']);
    expect(find('example.org')).toEqual(['root', 'child']);
    expect(find('lisbon hat')).toEqual(['child']);
    expect(find('lisbon dog')).toEqual([]);
    expect(find('   ')).toEqual(['root', 'child']);
  });

  it('gives an edit of a result the site of its chain’s first version', () => {
    expect(siteOf(child, history)).toEqual({ host: 'www.example.org', title: 'Cats of Lisbon' });
    expect(siteOf(makeJob({ id: 'lost', source: { kind: 'job', jobId: 'gone' } }), history)).toEqual({});
    expect(siteOf(makeJob({ source: { kind: 'page', srcUrl: 'data:image/png;base64,AA' } }), history)).toEqual({ host: undefined, title: undefined });
  });
});
