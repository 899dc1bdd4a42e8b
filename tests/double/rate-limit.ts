// Replicate's create rate limit, per account: "accounts without a payment method get 6 creates a
// minute, burst 1" (API-NOTES.md). Over the limit the API answers 429 with the wait in the text only.
/** A create rate limit: `perMinute` tokens a minute, at most `burst` saved up. */
export interface CreateRateLimit {
  perMinute: number;
  burst: number;
  /**
   * Length of the double's "minute" in ms (default 60 000). Tests compress it to keep the same shape
   * of limit (N per window, burst B) without waiting real minutes.
   */
  minuteMs?: number;
}

/**
 * A token bucket per account, kept as the time the bucket will be empty again (GCRA: the same
 * decisions as a bucket of `burst` tokens refilled every 60/perMinute s, without fractional tokens).
 * A refused request takes no token, so clients that wait as told get in.
 */
export class CreateRateLimiter {
  private readonly intervalMs: number;
  private readonly toleranceMs: number;
  /** Per account: when the bucket would be full of debt, i.e. the next token's "theoretical arrival". */
  private readonly nextFreeAt = new Map<string, number>();

  constructor(limit: CreateRateLimit, private readonly now: () => number) {
    if (!(limit.perMinute > 0) || !(limit.burst >= 1)) throw new Error('createRateLimit needs perMinute > 0 and burst >= 1');
    this.intervalMs = (limit.minuteMs ?? 60_000) / limit.perMinute;
    this.toleranceMs = (Math.floor(limit.burst) - 1) * this.intervalMs;
  }

  /** Takes a token for the account: 0 when taken, else the milliseconds until the next one. */
  take(account: string): number {
    const now = this.now();
    const theoretical = Math.max(this.nextFreeAt.get(account) ?? now, now);
    const waitMs = theoretical - this.toleranceMs - now;
    if (waitMs > 0) return waitMs;
    this.nextFreeAt.set(account, theoretical + this.intervalMs);
    return 0;
  }
}

