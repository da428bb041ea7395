// Writes finished attempts in small groups: one INSERT per group instead of one per attempt, which
// took a visible share of the worker's CPU (and Postgres's) in scan profiles. An attempt's row is
// written once, when it has finished: a (scan, probe, variant, strategy) already recorded is kept, so a
// retried job never records one twice, and a group lost in a crash is simply sent again.

import type { AttemptConversation, JudgeVote, MetaVerdict, Verdict } from "@penaxtra/engine";
import type postgres from "postgres";
import { storableJson } from "../db/storable-text.ts";
import { isDatabaseUnavailable } from "../db/unavailable.ts";

export interface AttemptResult {
  /** Chosen by the worker, so that a batch can ask whether its own results were saved. */
  id: string;
  tenant_id: string;
  scan_id: string;
  batch: number;
  probe_id: string;
  variant_index: number;
  /** '' for the variant as written, else the strategy id or 'adaptive'. */
  strategy: string;
  canary: string;
  prompt: string;
  status: "answered" | "errored";
  completed_at: string;
  response?: string | null;
  error?: string | null;
  http_status: number | null;
  latency_ms: number;
  requests: number;
  verdict?: Verdict | null;
  confidence?: number | null;
  votes?: { judges: JudgeVote[]; meta: MetaVerdict } | null;
  /** Messages exchanged (multi-turn, tool-result and adaptive attempts), and an adaptive prompt's lineage. */
  conversation?: AttemptConversation | null;
}

/**
 * One per worker process, shared by every batch it runs: answers from all of them go out in the
 * same groups. A batch asks `flush(itsIds)` before it finishes; only a failed write of its own
 * results fails it (the retried batch sends those attempts again).
 */
export class AttemptRecorder {
  private buffered: AttemptResult[] = [];
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();
  private readonly failed = new Map<string, unknown>();
  private healthy = new AbortController();

  constructor(
    private readonly pg: postgres.Sql,
    private readonly options: { maxBuffered: number; maxDelayMs: number } = { maxBuffered: 16, maxDelayMs: 20 },
  ) {}

  /**
   * Aborted when a write fails because the database is away: whatever a batch sent now could not be
   * recorded and would be sent again, so batches stop sending until it is back.
   */
  get writesFailing(): AbortSignal {
    return this.healthy.signal;
  }

  /** The database answered a batch: writes may work again. */
  reachable(): void {
    if (this.healthy.signal.aborted) this.healthy = new AbortController();
  }

  record(result: AttemptResult): void {
    this.buffered.push(result);
    if (this.buffered.length >= this.options.maxBuffered) this.flushSoon(0);
    else this.flushSoon(this.options.maxDelayMs);
  }

  /** Writes whatever is buffered, waits for every write, and throws if any of `ids` was not saved. */
  async flush(ids: Iterable<string>): Promise<void> {
    this.write();
    await this.writing;
    let failure: unknown = null;
    for (const id of ids) {
      if (!this.failed.has(id)) continue;
      failure ??= this.failed.get(id);
      this.failed.delete(id);
    }
    if (failure) throw failure;
  }

  private flushSoon(delayMs: number): void {
    if (delayMs === 0) {
      this.write();
      return;
    }
    this.timer ??= setTimeout(() => this.write(), delayMs);
  }

  private write(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.buffered.length) return;
    const group = this.buffered;
    this.buffered = [];
    // JSON goes in as text: the shared client's json serializer is drizzle's pass-through.
    this.writing = this.writing.then(() =>
      this.pg`
        insert into scan_attempts (id, tenant_id, scan_id, batch, probe_id, variant_index, strategy, canary, prompt, status,
                                   response, error, http_status, latency_ms, requests, verdict, confidence, votes,
                                   conversation, completed_at)
        select r.id, r.tenant_id, r.scan_id, r.batch, r.probe_id, r.variant_index, r.strategy, r.canary, r.prompt, r.status,
               r.response, r.error, r.http_status, r.latency_ms, r.requests, r.verdict, r.confidence, r.votes,
               r.conversation, r.completed_at
        from json_to_recordset(${storableJson(group)}::json) as r(
          id uuid, tenant_id uuid, scan_id uuid, batch int, probe_id text, variant_index int, strategy text, canary text,
          prompt text, status text, response text, error text, http_status int, latency_ms int, requests int,
          verdict text, confidence real, votes jsonb, conversation jsonb, completed_at timestamptz)
        on conflict (scan_id, probe_id, variant_index, strategy) do nothing`.then(
        () => undefined,
        (error) => {
          for (const result of group) this.failed.set(result.id, error);
          // Only an unreachable database stops every batch; a group the database refused fails its own batches.
          if (isDatabaseUnavailable(error)) this.healthy.abort(error);
        },
      ),
    );
  }
}
