/**
 * One progress line on stderr, rewritten in place with \r: phase, rows done / total, rate and ETA. Redrawn at most
 * five times a second so that drawing costs nothing next to the rows; without a terminal, a line every 10 s.
 */
export class Progress {
  private done = 0;
  private readonly started = Date.now();
  private lastDraw = this.started;
  private readonly tty = process.stderr.isTTY === true;

  constructor(
    private readonly phase: string,
    private readonly total: number,
  ) {}

  add(rows: number): void {
    this.done += rows;
    const now = Date.now();
    if (now - this.lastDraw >= (this.tty ? 200 : 10_000)) {
      this.lastDraw = now;
      this.draw(now);
    }
  }

  finish(): void {
    this.draw(Date.now());
    if (this.tty) process.stderr.write('\n');
  }

  private draw(now: number): void {
    const seconds = Math.max((now - this.started) / 1000, 0.001);
    const rate = this.done / seconds;
    const share = this.total > 0 ? Math.min(this.done / this.total, 1) : 1;
    const bar = '#'.repeat(Math.round(share * 20)).padEnd(20, '.');
    const eta = rate > 0 ? Math.max(this.total - this.done, 0) / rate : 0;
    const line =
      `${this.phase.padEnd(22)} [${bar}] ${this.done.toLocaleString('en')}/${this.total.toLocaleString('en')} ` +
      `${Math.round(rate).toLocaleString('en')}/s ETA ${formatSeconds(eta)}`;
    process.stderr.write(this.tty ? `\r${line}\x1b[K` : `${line}\n`);
  }
}

/** 75 → "1m15s". */
export function formatSeconds(seconds: number): string {
  const s = Math.round(seconds);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}
