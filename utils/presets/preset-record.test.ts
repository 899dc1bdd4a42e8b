import { describe, expect, it } from 'vitest';
import { readOrderRecord, readPresetRecord } from './preset-record';

describe('preset records', () => {
  it('reads a current or unversioned preset record', () => {
    const preset = { id: 'a1', name: 'Sepia', instruction: 'Sepia tone.' };
    expect(readPresetRecord({ v: 1, ...preset })).toEqual(preset);
    expect(readPresetRecord(preset)).toEqual(preset);
  });

  it('skips a preset written by a newer build or that does not validate', () => {
    expect(readPresetRecord({ v: 99, id: 'a1', name: 'Sepia', instruction: 'x' })).toBeUndefined();
    expect(readPresetRecord({ v: 1, id: 'a b', name: 'Sepia', instruction: 'x' })).toBeUndefined();
    expect(readPresetRecord('Sepia')).toBeUndefined();
  });

  it('tells a never-written order from an empty one, and drops duplicate ids', () => {
    expect(readOrderRecord(undefined)).toBeUndefined();
    expect(readOrderRecord({ v: 1, ids: [] })).toEqual({ ids: [] });
    expect(readOrderRecord({ v: 1, ids: ['a', 'b', 'a'] })).toEqual({ ids: ['a', 'b'] });
  });
});
