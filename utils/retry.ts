/** Runs `work`, trying again after each delay in `delaysMs` when it throws; the last error is rethrown. */
export async function withRetries<T>(work: () => Promise<T>, delaysMs: readonly number[], sleep = defaultSleep): Promise<T> {
  for (const delay of delaysMs) {
    try {
      return await work();
    } catch {
      await sleep(delay);
    }
  }
  return work();
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
