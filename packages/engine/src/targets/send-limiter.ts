// Admission control for requests to one endpoint. `acquire` resolves when a request may start (a
// concurrency slot is free and the rate allows it); `release` frees the slot when it ends.
// LocalLimiter enforces limits inside one process; the server supplies one shared across workers.

export interface SendLimiter {
  acquire(signal?: AbortSignal): Promise<void>;
  release(): void;
}

export const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    // The listener goes when the timer fires: a scan-wide signal would otherwise collect one per wait.
    const onAbort = () => (clearTimeout(timer), reject(signal!.reason));
    const timer = setTimeout(() => (signal?.removeEventListener("abort", onAbort), resolve()), ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });

/** A counting semaphore whose size may change while it is in use. */
export class Semaphore {
  private inUse = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private size: number) {}

  get demand(): number {
    return this.inUse + this.waiting.length;
  }

  get active(): number {
    return this.inUse;
  }

  resize(size: number): void {
    this.size = size;
    while (this.inUse < this.size && this.waiting.length) {
      this.inUse++;
      this.waiting.shift()!();
    }
  }

  acquire(signal?: AbortSignal): Promise<void> {
    if (this.inUse < this.size) {
      this.inUse++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const wake = () => (signal?.removeEventListener("abort", abort), resolve());
      const abort = () => {
        const index = this.waiting.indexOf(wake);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(signal!.reason);
      };
      signal?.addEventListener("abort", abort, { once: true });
      this.waiting.push(wake);
    });
  }

  release(): void {
    this.inUse--;
    this.resize(this.size);
  }
}

/**
 * Requests per minute as a token bucket (GCRA): on average one start every 60000/perMinute ms, with
 * up to `burst` starts at once after a quiet spell. Runners use burst 1, evenly spaced starts: in
 * the scan benchmark, waves of simultaneous starts came back as waves of simultaneous answers that
 * queued in the worker, and spacing cut the mean answer time from 23 to 21 ms.
 */
export class StartRate {
  private theoreticalStart = 0;

  constructor(
    public perMinute: number,
    public burst = 1,
  ) {}

  async wait(signal?: AbortSignal): Promise<void> {
    if (this.perMinute <= 0) throw new RangeError("requests per minute must be positive");
    const interval = 60_000 / this.perMinute;
    const now = performance.now();
    const next = Math.max(this.theoreticalStart, now);
    const allowedAt = next - (Math.max(1, this.burst) - 1) * interval;
    this.theoreticalStart = next + interval;
    if (allowedAt > now) await sleep(allowedAt - now, signal);
  }
}

export class LocalLimiter implements SendLimiter {
  private readonly slots: Semaphore;
  private readonly rate: StartRate;

  constructor(concurrency: number, requestsPerMinute: number) {
    this.slots = new Semaphore(concurrency);
    this.rate = new StartRate(requestsPerMinute);
  }

  async acquire(signal?: AbortSignal): Promise<void> {
    await this.slots.acquire(signal);
    try {
      await this.rate.wait(signal);
    } catch (error) {
      this.slots.release();
      throw error;
    }
  }

  release(): void {
    this.slots.release();
  }
}
