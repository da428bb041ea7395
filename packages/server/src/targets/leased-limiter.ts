// Per-endpoint limits that hold across every worker process. Each process leases a share of the
// endpoint's concurrency from Postgres (penaxtra_lease_slots_v2) sized to its demand; when several
// want slots each gets a fair share, and a process's requests-per-minute share is proportional to
// the slots it holds. Uncontended, the database is asked only when demand changes; while a lease
// is held it is refreshed every REFRESH_MS so that a newly waiting process gets its share quickly.
// That refresh also renews the lease; leases expire otherwise, so a crashed process frees its share.
// Handoffs do not wait for the refresh: penaxtra_lease_slots_v2 notifies (LEASE_CHANNEL) when a holder
// is granted less than its fair share while another holds more, and when a holder gives slots back
// while another wants more; every process listens and has its limiter for that endpoint ask again.
import { Semaphore, type SendLimiter, StartRate } from "@penaxtra/engine";
import type postgres from "postgres";

export interface LeaseLimits {
  concurrency: number;
  requestsPerMinute: number;
}

const REFRESH_MS = 200;
/** The channel penaxtra_lease_slots_v2 notifies on; the payload is `<endpoint id> <holder that asked>`. */
export const LEASE_CHANNEL = "penaxtra_lease";
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
  /** Whether, at the last lease, another holder wanted more slots than it held. */
  private contended = false;
  /** Requests announced by anticipate() that have not asked for a slot yet. */
  private anticipated = 0;
  private anticipationTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly pg: postgres.Sql,
    private readonly endpointId: string,
    private readonly holder: string,
    private limits: LeaseLimits,
    private readonly ttlMs: number,
    /** How often a held lease is renewed and rebalanced; notifications make handoffs sooner. */
    private readonly refreshMs = REFRESH_MS,
  ) {
    this.rate = new StartRate(limits.requestsPerMinute);
  }

  /** Another holder of this endpoint waits for slots, or gave some back: ask the database again now. */
  nudge(): void {
    this.contended = true;
    this.rebalance(true);
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

  /** A forced rebalance asked for while a lease was in flight: done when that one returns. */
  private forcePending = false;
  private rebalanceNow(force: boolean): void {
    if (this.leasing) {
      this.forcePending ||= force;
      return;
    }
    const want = Math.min(this.limits.concurrency, Math.max(this.slots.demand, this.anticipated));
    const settled = want === this.granted && this.stored === Math.max(this.granted, this.slots.active);
    // Shrinking while still busy waits for the refresh timer: as a batch winds down, every finished
    // request would otherwise cost a round trip, just when the last ones are being timed. Unless
    // another holder wants more than it has: then each slot goes back as its request ends.
    const windingDown = want > 0 && want < this.granted && !this.contended;
    if (!force && (settled || windingDown)) return;
    this.leasing = this.lease(want)
      // A failed lease (connection reset, failover) is asked again by the refresh timer, so
      // waiting requests are never stranded.
      .catch(() => this.startRefresh())
      .finally(() => {
        this.leasing = null;
        if (this.forcePending) {
          this.forcePending = false;
          this.rebalance(true);
          return;
        }
        // Demand moved while we asked: ask again now. If others hold what we want, the refresh
        // timer asks again shortly instead.
        const fullyGranted = this.granted === want;
        const stillWanted = Math.min(this.limits.concurrency, Math.max(this.slots.demand, this.anticipated));
        // A request that ended while we asked left the stored count too high: record the slot it
        // gave back, or a waiting holder waits for it until the next refresh.
        const stale = this.stored !== Math.max(this.granted, this.slots.active);
        if (fullyGranted || stale || stillWanted < this.granted) this.rebalance();
      });
  }

  private async lease(want: number): Promise<void> {
    // The database counts what this process may be using until its answer arrives; a request
    // admitted meanwhile under the old grant must be in that count, or another holder can be
    // granted the same slot. So admissions are held to what is reported: the requests running
    // and, up to the current grant, those wanted. (Reporting only the running ones let a third
    // request start at concurrency 2 while the answer was on its way: tested.)
    const admissible = Math.min(this.granted, Math.max(this.slots.active, want));
    this.slots.resize(admissible);
    const inUse = Math.max(this.slots.active, admissible);
    const [row] = await this.pg<Array<{ granted: number; contended: boolean }>>`
      select granted, contended from penaxtra_lease_slots_v2(${this.endpointId}, ${this.holder}, ${want}, ${inUse}, ${this.limits.concurrency}, ${this.ttlMs})`;
    this.granted = row!.granted;
    this.contended = row!.contended;
    this.stored = want === 0 && inUse === 0 ? 0 : Math.max(this.granted, inUse);
    this.slots.resize(this.granted);
    this.rate.perMinute = (this.limits.requestsPerMinute * Math.max(1, this.granted)) / this.limits.concurrency;
    if (this.stored > 0 || want > 0) this.startRefresh();
    else this.stopRefresh();
  }

  private startRefresh(): void {
    if (this.refreshTimer) return;
    this.refreshTimer = setInterval(() => this.rebalance(true), this.refreshMs);
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
  private listening: Promise<{ unlisten(): Promise<void> }> | null = null;

  /** `holder()` is the worker pool's id, known once graphile-worker has created the pool. */
  constructor(
    private readonly pg: postgres.Sql,
    private readonly holder: () => string,
    private readonly ttlMs: number,
    private readonly refreshMs = REFRESH_MS,
  ) {}

  limiterFor(endpointId: string, limits: LeaseLimits): LeasedLimiter {
    this.listen();
    let limiter = this.limiters.get(endpointId);
    if (!limiter) {
      limiter = new LeasedLimiter(this.pg, endpointId, this.holder(), limits, this.ttlMs, this.refreshMs);
      this.limiters.set(endpointId, limiter);
    } else limiter.updateLimits(limits);
    return limiter;
  }

  /** Resolves once this process hears LEASE_CHANNEL (postgres.js listens again after a reconnect). */
  listen(): Promise<unknown> {
    this.listening ??= this.pg.listen(LEASE_CHANNEL, (payload) => {
      const [endpointId, askedBy] = payload.split(" ");
      if (askedBy !== this.holder()) this.limiters.get(endpointId!)?.nudge();
    });
    // Without notifications the refresh timer still moves slots, only later: never fatal.
    this.listening.catch(() => {
      this.listening = null;
    });
    return this.listening;
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.limiters.values()].map((limiter) => limiter.close()));
    this.limiters.clear();
    const listening = this.listening;
    this.listening = null;
    await listening?.then((listener) => listener.unlisten()).catch(() => {});
  }
}
