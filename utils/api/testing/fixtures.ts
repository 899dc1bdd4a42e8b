import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** A stored HTTP answer: a string body is sent as is, anything else as JSON. */
export const Fixture = z.object({
  description: z.string(),
  status: z.number().int(),
  headers: z.record(z.string(), z.string()).default({}),
  body: z.unknown(),
});
export type Fixture = z.infer<typeof Fixture>;

/** Reads `utils/api/fixtures/<name>.json`. */
export function loadFixture(name: string): Fixture {
  const text = readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8');
  return Fixture.parse(JSON.parse(text));
}

/** A fresh Response for a fixture (a Response body can be read once). */
export function fixtureResponse(f: Fixture): Response {
  const body = typeof f.body === 'string' ? f.body : f.body === undefined ? null : JSON.stringify(f.body);
  return new Response(body, { status: f.status, headers: f.headers });
}
