// Per-endpoint limits that hold across every worker process. Each process leases a share of the
// endpoint's concurrency from Postgres (penaxtra_lease_slots) sized to its current demand, and its
// requests-per-minute share is proportional to the slots it holds. The database is asked only when
// demand changes, not per request. Leases expire unless renewed, so a crashed process frees its share.
import { Semaphore, StartSpacer, type SendLimiter } from "@penaxtra/engine";
import type postgres from "postgres";

export interface LeaseLimits {
  concurrency: number;
  requestsPerMinute: number;
}

const RETRY_LEASE_MS = 100;

export class LeasedLimiter implements SendLimiter {
  private held = 0;
  private readonly slots = new Semaphore(0);
  private readonly spacer: StartSpacer;
  private leasing: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly sql: postgres.Sql,
    private readonly endpointId: string,
    private readonly holder: string,
    private limits: LeaseLimits,
    private readonly ttlMs: number,
  ) {
    this.spacer = new StartSpacer(limits.requestsPerMinute);
  }

  get slotsHeld(): number {
    return this.held;
  }

  updateLimits(limits: LeaseLimits): void {
    this.limits = limits;
    this.rebalance();
  }

  async acquire(signal?: AbortSignal): Promise<void> {
    const admitted = this.slots.acquire(signal);
    this.rebalance();
    await admitted;
    try {
      await this.spacer.wait(signal);
    } catch (error) {
      this.release();
      throw error;
    }
  }

  release(): void {
    this.slots.release();
    this.rebalance();
  }

  /** Keeps the lease alive; called from the worker's heartbeat. */
  async renew(): Promise<void> {
    if (this.held > 0) await this.lease(this.held);
  }

  async close(): Promise<void> {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.leasing;
    if (this.held > 0) await this.lease(0);
  }

  private rebalance(): void {
    if (this.leasing) return;
    const want = Math.min(this.limits.concurrency, this.slots.demand);
    if (want === this.held) return;
    this.leasing = this.lease(want)
      .catch(() => {})
      .finally(() => {
        this.leasing = null;
        const stillShort = Math.min(this.limits.concurrency, this.slots.demand) > this.held;
        if (stillShort && !this.retryTimer) {
          // Other processes hold the rest; ask again shortly.
          this.retryTimer = setTimeout(() => ((this.retryTimer = null), this.rebalance()), RETRY_LEASE_MS);
        } else if (!stillShort) this.rebalance();
      });
  }

  private async lease(want: number): Promise<void> {
    const [row] = await this.sql<Array<{ granted: number }>>`
      select penaxtra_lease_slots(${this.endpointId}, ${this.holder}, ${want}, ${this.limits.concurrency}, ${this.ttlMs}) as granted`;
    this.held = row!.granted;
    this.slots.resize(this.held);
    this.spacer.perMinute = (this.limits.requestsPerMinute * Math.max(1, this.held)) / this.limits.concurrency;
  }
}

/** One limiter per endpoint per process, shared by every job that process runs. */
export class EndpointLeases {
  private readonly limiters = new Map<string, LeasedLimiter>();

  /** `holder()` is the worker pool's id, known once graphile-worker has created the pool. */
  constructor(
    private readonly sql: postgres.Sql,
    private readonly holder: () => string,
    private readonly ttlMs: number,
  ) {}

  limiterFor(endpointId: string, limits: LeaseLimits): LeasedLimiter {
    let limiter = this.limiters.get(endpointId);
    if (!limiter) {
      limiter = new LeasedLimiter(this.sql, endpointId, this.holder(), limits, this.ttlMs);
      this.limiters.set(endpointId, limiter);
    } else limiter.updateLimits(limits);
    return limiter;
  }

  async renewAll(): Promise<void> {
    await Promise.all([...this.limiters.values()].map((limiter) => limiter.renew()));
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.limiters.values()].map((limiter) => limiter.close()));
    this.limiters.clear();
  }
}
