// Stopping the service worker at chosen points of a job and looking at what it left in storage. An
// extension page that stays open reads the stored records, so looking never wakes the worker.
import type { Page } from '@playwright/test';
import { z } from 'zod';
import type { ApiDouble, RecordedRequest } from '../double';
import { Job } from '../../utils/job';

/** Where a stored job stood when the worker was stopped: its phase, with the create split in two. */
export type StopPoint = 'acquiring' | 'before create' | 'create sent' | 'polling' | 'downloading' | 'done' | 'failed' | 'canceled';

/** One stop of the worker, as the storage showed it right after. */
export interface StopRecord {
  label: string;
  prompt: string;
  point: StopPoint;
}

/** The stop point of a stored job. */
export function stopPointOf(job: Job): StopPoint {
  if (job.phase !== 'creating') return job.phase;
  return job.createSentAt === undefined ? 'before create' : 'create sent';
}

/**
 * Every stored job, read by an open extension page (the worker may be stopped): the live list in
 * storage.local and the finished ones moved to the history in IndexedDB (a job caught in both, between
 * the two writes of the move, counts once, as its live record).
 */
export async function readStoredJobs(extensionPage: Page): Promise<Job[]> {
  const { live, history } = await extensionPage.evaluate(async () => {
    // wxt's `local:jobs` item is the `jobs` key of storage.local.
    const jobs: unknown = (await chrome.storage.local.get('jobs')).jobs;
    const entries = await new Promise<unknown[]>((resolve, reject) => {
      const open = indexedDB.open('edit-with-kontext');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('history')) {
          db.close();
          resolve([]);
          return;
        }
        const request = db.transaction('history').objectStore('history').getAll();
        request.onsuccess = () => {
          resolve(request.result);
          db.close();
        };
        request.onerror = () => reject(request.error);
      };
    });
    return { live: jobs ?? [], history: entries.map((entry) => (entry as { job: unknown }).job) };
  });
  const liveJobs = z.array(Job).parse(live);
  const ids = new Set(liveJobs.map((job) => job.id));
  return [...liveJobs, ...z.array(Job).parse(history).filter((job) => !ids.has(job.id))];
}

/** The stored job with this prompt; throws when there is none. */
export async function readStoredJob(extensionPage: Page, prompt: string): Promise<Job> {
  const job = (await readStoredJobs(extensionPage)).find((stored) => stored.prompt === prompt);
  if (!job) throw new Error(`No stored job has the prompt "${prompt}"`);
  return job;
}

/** Polls often (stops must land inside short windows) until `condition` holds. */
export async function waitUntil(condition: () => boolean | Promise<boolean>, what: string, timeout = 20_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeout} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
}

/** The double's view of one job, found by its prompt. */
export function providerView(api: ApiDouble, prompt: string) {
  const prediction = () => [...api.predictions.values()].find((p) => p.body.input.prompt === prompt);
  return {
    prediction,
    /** Accepted creates (predictions) with this prompt. */
    predictionCount: () => [...api.predictions.values()].filter((p) => p.body.input.prompt === prompt).length,
    /** Polls of this job's prediction (GET /v1/predictions/<id>). */
    polls: (): RecordedRequest[] => {
      const id = prediction()?.body.id;
      return id ? api.requests.filter((r) => r.method === 'GET' && r.path === `/v1/predictions/${id}`) : [];
    },
    /** Requests for this job's output file (status 0 while unanswered). */
    outputRequests: (): RecordedRequest[] => {
      const path = prediction()?.outputPath;
      return path ? api.fileRequests.filter((r) => r.method === 'GET' && r.path === path) : [];
    },
  };
}

/** Stops the worker, records where the job stood, wakes the worker the way Chrome would; returns the record. */
export function createStopper(deps: { stop: () => Promise<void>; wake: () => Promise<unknown>; observer: Page }) {
  const log: StopRecord[] = [];
  return {
    log,
    async stopAndWake(label: string, prompt: string): Promise<StopRecord> {
      await deps.stop();
      const record = { label, prompt, point: stopPointOf(await readStoredJob(deps.observer, prompt)) };
      log.push(record);
      await deps.wake();
      return record;
    },
  };
}
