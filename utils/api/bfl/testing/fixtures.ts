import { readFileSync } from 'node:fs';
import { Fixture } from '../../testing/fixtures';

/** Reads `utils/api/bfl/fixtures/<name>.json` (recorded-style answers of BFL's API). */
export function loadBflFixture(name: string): Fixture {
  return Fixture.parse(JSON.parse(readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8')));
}
