// Per-endpoint limits that hold across every worker process. Each process leases a share of the
// endpoint's concurrency from Postgres (penaxtra_lease_slots) sized to its demand; when several
// want slots each gets a fair share, and a process's requests-per-minute share is proportional to
// the slots it holds. Uncontended, the database is asked only when demand changes; while a lease
// is held it is refreshed every REFRESH_MS so that a newly waiting process gets its share quickly.
// That refresh also renews the lease; leases expire otherwise, so a crashed process frees its share.
import { Semaphore, type SendLimiter, StartRate } from "@penaxtra/engine";
import type postgres from "postgres";

export interface LeaseLimits {
  concurrency: number;
  requestsPerMinute: number;
}

const REFRESH_MS = 200;
// How long slots leased ahead of announced requests are kept if the requests never come.
const ANTICIPATION_MS = 1000;

export class LeasedLimiter implements SendLimiter {
  /** Slots this process may start requests on. */
  private granted = 0;
  /** Slots recorded in the database: granted, or more while requests beyond a shrunk grant finish. */
  private stored = 0;
  private readonly slots = new Semaphore(0);
  private readonly rate: StartRate;
  private leasing: Promise<void> | null = null;
  private refreshTimer: NodeJS.Timeout | null = null;
  /** Requests announced by anticipate() that have not asked for a slot yet. */
  private anticipated = 0;
  private anticipationTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly pg: postgres.Sql,
    private readonly endpointId: string,
    private readonly holder: string,
    private limits: LeaseLimits,
    private readonly ttlMs: number,
  ) {
    this.rate = new StartRate(limits.requestsPerMinute);
  }

  updateLimits(limits: LeaseLimits): void {
    if (limits.concurrency === this.limits.concurrency && limits.requestsPerMinute === this.limits.requestsPerMinute)
      return;
    this.limits = limits;
    this.rebalance(true);
  }

  /**
   * Leases slots for `count` requests about to come, so that the first of them need not wait for
   * the lease round trip. Real demand replaces the anticipation as soon as a request asks; if none
   * comes within ANTICIPATION_MS, the slots are given back.
   */
  anticipate(count: number): void {
    this.anticipated = Math.max(this.anticipated, count);
    if (this.anticipationTimer) clearTimeout(this.anticipationTimer);
    this.anticipationTimer = setTimeout(() => this.endAnticipation(), ANTICIPATION_MS);
    this.anticipationTimer.unref();
    this.rebalance();
  }

  private endAnticipation(): void {
    if (this.anticipationTimer) clearTimeout(this.anticipationTimer);
    this.anticipationTimer = null;
    if (!this.anticipated) return;
    this.anticipated = 0;
    this.rebalance();
  }

  async acquire(signal?: AbortSignal): Promise<void> {
    if (this.anticipated) this.endAnticipation();
    const admitted = this.slots.acquire(signal);
    this.rebalance();
    try {
      await admitted;
    } catch (error) {
      this.rebalance();
      throw error;
    }
    try {
      await this.rate.wait(signal);
    } catch (error) {
      this.release();
      throw error;
    }
  }

  release(): void {
    this.slots.release();
    this.rebalance();
  }

  async close(): Promise<void> {
    this.endAnticipation();
    this.stopRefresh();
    await this.leasing;
    if (this.stored > 0) await this.lease(0);
  }

  // Coalesced into a microtask: a job that starts sixteen requests in one go asks for sixteen
  // slots in one round trip, not for one and then fifteen more.
  private rebalanceQueued = false;
  private forceQueued = false;
  private rebalance(force = false): void {
    this.forceQueued ||= force;
    if (this.rebalanceQueued) return;
    this.rebalanceQueued = true;
    queueMicrotask(() => {
      const forced = this.forceQueued;
      this.rebalanceQueued = false;
      this.forceQueued = false;
      this.rebalanceNow(forced);
    });
  }

  private rebalanceNow(force: boolean): void {
    if (this.leasing) return;
    const want = Math.min(this.limits.concurrency, Math.max(this.slots.demand, this.anticipated));
    const settled = want === this.granted && this.stored === Math.max(this.granted, this.slots.active);
    // Shrinking while still busy waits for the refresh timer: as a batch winds down, every finished
    // request would otherwise cost a round trip, just when the last ones are being timed.
    const windingDown = want > 0 && want < this.granted;
    if (!force && (settled || windingDown)) return;
    this.leasing = this.lease(want)
      // A failed lease (connection reset, failover) is asked again by the refresh timer, so
      // waiting requests are never stranded.
      .catch(() => this.startRefresh())
      .finally(() => {
        this.leasing = null;
        // Demand moved while we asked: ask again now. If others hold what we want, the refresh
        // timer asks again shortly instead.
        const fullyGranted = this.granted === want;
        const stillWanted = Math.min(this.limits.concurrency, Math.max(this.slots.demand, this.anticipated));
        if (fullyGranted || stillWanted < this.granted) this.rebalance();
      });
  }

  private async lease(want: number): Promise<void> {
    const inUse = this.slots.active;
    const [row] = await this.pg<Array<{ granted: number }>>`
      select penaxtra_lease_slots(${this.endpointId}, ${this.holder}, ${want}, ${inUse}, ${this.limits.concurrency}, ${this.ttlMs}) as granted`;
    this.granted = row!.granted;
    this.stored = want === 0 && inUse === 0 ? 0 : Math.max(this.granted, inUse);
    this.slots.resize(this.granted);
    this.rate.perMinute = (this.limits.requestsPerMinute * Math.max(1, this.granted)) / this.limits.concurrency;
    if (this.stored > 0 || want > 0) this.startRefresh();
    else this.stopRefresh();
  }

  private startRefresh(): void {
    if (this.refreshTimer) return;
    this.refreshTimer = setInterval(() => this.rebalance(true), REFRESH_MS);
    this.refreshTimer.unref();
  }

  private stopRefresh(): void {
    if (this.refreshTimer) clearInterval(this.refreshTimer);
    this.refreshTimer = null;
  }
}

/** One limiter per endpoint per process, shared by every job that process runs. */
export class EndpointLeases {
  private readonly limiters = new Map<string, LeasedLimiter>();

  /** `holder()` is the worker pool's id, known once graphile-worker has created the pool. */
  constructor(
    private readonly pg: postgres.Sql,
    private readonly holder: () => string,
    private readonly ttlMs: number,
  ) {}

  limiterFor(endpointId: string, limits: LeaseLimits): LeasedLimiter {
    let limiter = this.limiters.get(endpointId);
    if (!limiter) {
      limiter = new LeasedLimiter(this.pg, endpointId, this.holder(), limits, this.ttlMs);
      this.limiters.set(endpointId, limiter);
    } else limiter.updateLimits(limits);
    return limiter;
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.limiters.values()].map((limiter) => limiter.close()));
    this.limiters.clear();
  }
}
