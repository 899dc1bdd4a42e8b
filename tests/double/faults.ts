// The queue of injected faults. Each fault matches by method and path and applies `times` times.
import type { Fault, Match } from './types';

type Kind = 'respond' | 'drop' | 'drop-after' | 'delay' | 'outcome' | 'quirk';

/** The kind of a fault, used to pick the right one at each step of a request. */
export function kindOf(fault: Fault): Kind {
  if ('respond' in fault) return 'respond';
  if ('drop' in fault) return fault.afterCreate ? 'drop-after' : 'drop';
  if ('delayMs' in fault) return 'delay';
  if ('outcome' in fault) return 'outcome';
  return 'quirk';
}

/** True when a request matches; a string path is a prefix of path + query. */
export function matches(match: Match, method: string, path: string): boolean {
  if (match.method && match.method.toUpperCase() !== method.toUpperCase()) return false;
  return typeof match.path === 'string' ? path.startsWith(match.path) : match.path.test(path);
}

/** Faults waiting to be applied, oldest first. */
export class FaultQueue {
  private entries: Array<{ fault: Fault; left: number }> = [];

  /** Queues a fault. */
  add(fault: Fault): void {
    this.entries.push({ fault, left: fault.times ?? 1 });
  }

  /** Forgets every fault. */
  clear(): void {
    this.entries = [];
  }

  /** Takes (and counts down) the oldest fault of one of the kinds matching the request. */
  take(kinds: readonly Kind[], method: string, path: string): Fault | undefined {
    const entry = this.entries.find((e) => kinds.includes(kindOf(e.fault)) && matches(e.fault.match, method, path));
    if (!entry) return undefined;
    entry.left -= 1;
    if (entry.left <= 0) this.entries = this.entries.filter((e) => e !== entry);
    return entry.fault;
  }

  /** Faults still queued. */
  get size(): number {
    return this.entries.length;
  }
}
