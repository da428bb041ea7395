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
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
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
      const wake = () => {
        signal?.removeEventListener("abort", abort);
        resolve();
      };
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
 * Spaces request starts evenly: `perMinute` means one start every 60000/perMinute ms. Even spacing
 * rather than a burst up to the concurrency: in the scan benchmark, waves of simultaneous starts
 * came back as waves of simultaneous answers that queued in the worker.
 */
export class StartRate {
  private nextStartAt = 0;

  constructor(public perMinute: number) {}

  async wait(signal?: AbortSignal): Promise<void> {
    if (this.perMinute <= 0) throw new RangeError("requests per minute must be positive");
    const interval = 60_000 / this.perMinute;
    const now = performance.now();
    const startAt = Math.max(now, this.nextStartAt);
    this.nextStartAt = startAt + interval;
    // A timer cannot wait less than about a millisecond, so a start due sooner goes at once. The
    // schedule still moves on by a full interval, so no start is ever more than that early.
    if (startAt - now > EARLY_START_TOLERANCE_MS) await sleep(startAt - now, signal);
  }
}

const EARLY_START_TOLERANCE_MS = 1;

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
