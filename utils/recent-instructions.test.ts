import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  addRecentInstruction, getRecentInstructions, matchingRecentInstructions, MAX_RECENT_INSTRUCTIONS, readRecentInstructions,
  rememberInstruction,
} from './recent-instructions';

describe('recent instructions', () => {
  it('puts the newest first and keeps one copy of each instruction, whatever its case or spacing', () => {
    expect(addRecentInstruction(['Make it snow', 'Sepia'], '  make it  SNOW ')).toEqual(['make it  SNOW', 'Sepia']);
    expect(addRecentInstruction(['a'], '   ')).toEqual(['a']);
  });

  it(`keeps the last ${MAX_RECENT_INSTRUCTIONS} distinct instructions`, () => {
    let list: string[] = [];
    for (let i = 1; i <= MAX_RECENT_INSTRUCTIONS + 3; i += 1) list = addRecentInstruction(list, `edit ${i}`);
    expect(list).toHaveLength(MAX_RECENT_INSTRUCTIONS);
    expect(list[0]).toBe(`edit ${MAX_RECENT_INSTRUCTIONS + 3}`);
    expect(list).not.toContain('edit 3');
  });

  it('stores them in local storage only, never in sync', async () => {
    await rememberInstruction('Make it snow');
    await Promise.all([rememberInstruction('Sepia'), rememberInstruction('Cartoon')]);
    expect(await getRecentInstructions()).toEqual(['Cartoon', 'Sepia', 'Make it snow']);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('reads an unreadable or newer stored list as empty', () => {
    expect(readRecentInstructions({ v: 1, items: [3] })).toEqual([]);
    expect(readRecentInstructions({ v: 9, items: ['a'] })).toEqual([]);
    expect(readRecentInstructions({ v: 1, items: ['a'] })).toEqual(['a']);
  });

  it('offers the instructions containing what is typed, except the one typed in full', () => {
    const recent = ['Make it snow', 'Snowy mountains', 'Sepia'];
    expect(matchingRecentInstructions(recent, '')).toEqual(recent);
    expect(matchingRecentInstructions(recent, 'SNOW')).toEqual(['Make it snow', 'Snowy mountains']);
    expect(matchingRecentInstructions(recent, 'make it snow')).toEqual([]);
  });
});
