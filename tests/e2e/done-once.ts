// The end state of jobs that were interrupted: each one Done once, billed once, keeping its own result.
import { expect, type Page } from '@playwright/test';
import type { ApiDouble } from '../double';
import { jobItem } from './flows';
import { providerView, readStoredJobs } from './stop-points';

/**
 * Each prompt's job is Done in a fresh popup with its result shown; the provider accepted exactly one
 * create per prompt; nothing was fetched for a job after it was recorded Done; and the kept result is
 * the job's own prediction output, byte for byte. `observer` is an open extension page.
 */
export async function expectEachJobDoneOnce(api: ApiDouble, observer: Page, openPopup: () => Promise<Page>, prompts: string[]): Promise<void> {
  const popup = await openPopup();
  for (const prompt of prompts) {
    await expect(jobItem(popup, prompt).getByText('Done', { exact: true })).toBeVisible({ timeout: 20_000 });
    await expect(jobItem(popup, prompt).getByRole('img', { name: `Result: ${prompt}` })).toBeVisible();
  }
  await expect(popup.getByRole('listitem')).toHaveCount(prompts.length);

  const predictedPrompts = [...api.predictions.values()].map((p) => p.body.input.prompt);
  expect(predictedPrompts.sort()).toEqual([...prompts].sort());

  const jobs = await readStoredJobs(observer);
  for (const prompt of prompts) {
    const job = jobs.find((stored) => stored.prompt === prompt);
    const provider = providerView(api, prompt);
    expect(job?.predictionId).toBe(provider.prediction()?.body.id);
    const completedAt = job?.completedAt ?? 0;
    expect(provider.outputRequests().filter((r) => r.at > completedAt)).toEqual([]);
  }

  // Compared last: fetching the output again adds a request.
  const same = await observer.evaluate(
    async (stored) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('edit-with-kontext');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const kept = (key: string) =>
        new Promise<Uint8Array>((resolve, reject) => {
          const get = db.transaction('images').objectStore('images').get(key);
          get.onsuccess = () => resolve(new Uint8Array((get.result as { bytes?: ArrayBuffer } | undefined)?.bytes ?? new ArrayBuffer(0)));
          get.onerror = () => reject(get.error);
        });
      return Promise.all(
        stored.map(async ({ id, outputUrl }) => {
          const [mine, served] = await Promise.all([kept(`${id}:result`), fetch(outputUrl).then(async (r) => new Uint8Array(await r.arrayBuffer()))]);
          return mine.length > 0 && mine.length === served.length && mine.every((byte, i) => byte === served[i]);
        }),
      );
    },
    jobs.map(({ id, outputUrl }) => ({ id, outputUrl: outputUrl ?? '' })),
  );
  expect(same).toEqual(jobs.map(() => true));
}
