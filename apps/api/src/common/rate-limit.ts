/**
 * A fixed one-minute window per client, in process, for anonymous public requests
 * (PUBLIC_RATE_LIMIT_PER_MINUTE). Returns seconds to wait, or 0 when allowed.
 */
export class WindowRateLimit {
  private window = 0;
  private counts = new Map<string, number>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  take(client: string): number {
    const t = this.now();
    const window = Math.floor(t / this.windowMs);
    if (window !== this.window) {
      this.window = window;
      this.counts = new Map();
    }
    const n = (this.counts.get(client) ?? 0) + 1;
    this.counts.set(client, n);
    if (n <= this.limit) return 0;
    return Math.max(1, Math.ceil(((window + 1) * this.windowMs - t) / 1000));
  }
}
