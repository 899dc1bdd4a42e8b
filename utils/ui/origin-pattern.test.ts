import { describe, expect, it } from 'vitest';
import { originPatternFor } from './origin-pattern';

describe('originPatternFor', () => {
  it('asks nothing for Replicate’s own API, which the manifest already allows', () => {
    expect(originPatternFor('https://api.replicate.com/v1')).toBeUndefined();
  });

  it('asks for the host of a compatible proxy, without path or port', () => {
    expect(originPatternFor('https://proxy.example.com/replicate/v1')).toBe('https://proxy.example.com/*');
    expect(originPatternFor('http://127.0.0.1:8787/v1')).toBe('http://127.0.0.1/*');
  });

  it('treats plain http to Replicate as a different origin', () => {
    expect(originPatternFor('http://api.replicate.com/v1')).toBe('http://api.replicate.com/*');
  });

  it('asks nothing for Black Forest Labs’ API hosts, which the manifest allows as https://*.bfl.ai/*', () => {
    expect(originPatternFor('https://api.bfl.ai/v1')).toBeUndefined();
    expect(originPatternFor('https://api.eu.bfl.ai/v1')).toBeUndefined();
  });

  it('asks for hosts that only look like Black Forest Labs’', () => {
    expect(originPatternFor('https://notbfl.ai/v1')).toBe('https://notbfl.ai/*');
    expect(originPatternFor('https://api.bfl.ai.example.com/v1')).toBe('https://api.bfl.ai.example.com/*');
    expect(originPatternFor('http://api.bfl.ai/v1')).toBe('http://api.bfl.ai/*');
  });
});
