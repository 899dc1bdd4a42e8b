import { z } from 'zod';
import { Prediction } from './prediction';

/**
 * `GET /predictions`: Replicate pages as `{results}`, some proxies answer a bare array. Entries that
 * do not parse are skipped: one odd prediction (e.g. made on the website) must not hide the others.
 */
export const PredictionList = z
  .union([z.array(z.unknown()), z.looseObject({ results: z.array(z.unknown()) }).transform((page) => page.results)])
  .transform((items) =>
    items.flatMap((item) => {
      const parsed = Prediction.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    }),
  );

/** `GET /account`: only `username` is relied on (the options page shows it). */
export const Account = z
  .looseObject({
    username: z.string().min(1),
    name: z.string().nullish().catch(undefined),
    type: z.string().nullish().catch(undefined),
  })
  .transform(({ username, name, type }) => ({
    username,
    ...(name ? { name } : {}),
    ...(type ? { type } : {}),
  }));

/** `POST /files` (201): the id and the URL to pass as a model input. */
export const UploadedFile = z
  .looseObject({
    id: z.string().min(1),
    urls: z.looseObject({ get: z.url({ protocol: /^https?$/ }) }),
  })
  .transform((file) => ({ id: file.id, url: file.urls.get }));
