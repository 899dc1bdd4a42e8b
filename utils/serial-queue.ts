/**
 * Runs read-modify-write cycles one at a time: each starts after every earlier one has settled, so
 * two updates of the same stored value never interleave and lose one of them.
 */
export function createSerialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return function serialized<T>(work: () => Promise<T>): Promise<T> {
    const result = tail.then(work, work);
    tail = result.catch(() => undefined);
    return result;
  };
}
