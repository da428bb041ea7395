// prune_expired_state: graphile-worker's crontab runs it every ten minutes across all workers. It
// deletes state that has become the same as no state, so that clients which come once (a flood of
// failed logins from many addresses, one-off Idempotency-Keys) cannot grow the database forever:
// - a rate-limit bucket idle long enough to have refilled: a missing bucket starts full;
// - a sliding window whose takes have all left the longest window: a missing window starts empty;
// - an Idempotency-Key past its retention: it would be replaced on its next use anyway.
import type { Task } from "graphile-worker";
import type postgres from "postgres";
import type { ServerConfig } from "../config.ts";
import { IDEMPOTENCY_RETENTION } from "../http/idempotency.ts";
import { CREATION_WINDOW_SECONDS } from "../rate-limit/take-token.ts";

export const PRUNE_CRONTAB = "*/10 * * * * prune_expired_state";

/** Seconds after which every bucket this server fills is full again, with an hour's margin for peers configured otherwise. */
export function bucketsFullAfterSeconds(config: Pick<ServerConfig, "rateLimit">): number {
  const { perMinute, burst } = config.rateLimit;
  // Token buckets refill burst tokens at perMinute/60 a second; the failed-auth and audit-sample buckets within 60 s.
  return Math.max(3600, Math.ceil((burst * 60) / perMinute));
}

export interface PrunedState {
  buckets: number;
  windows: number;
  idempotencyKeys: number;
}

/** Kept a little longer than each rule says, so clocks and a take in flight never meet at the edge. */
const MARGIN_SECONDS = 300;

export async function pruneExpiredState(
  pg: postgres.Sql,
  config: Pick<ServerConfig, "rateLimit">,
  now?: Date,
): Promise<PrunedState> {
  // The database's clock, the one the rate-limit functions and idempotency keys use.
  const at = now?.toISOString() ?? null;
  const longestWindow = Math.max(...Object.values(CREATION_WINDOW_SECONDS));
  const [counts] = await pg<[{ buckets: number; windows: number; idempotency_keys: number }]>`
    with buckets as (
      delete from rate_limit_buckets
      where updated_at < coalesce(${at}::timestamptz, now()) - make_interval(secs => ${bucketsFullAfterSeconds(config) + MARGIN_SECONDS})
      returning 1),
    windows as (
      delete from rate_limit_windows
      where not exists (select 1 from unnest(taken_at) as t
                        where t > coalesce(${at}::timestamptz, now()) - make_interval(secs => ${longestWindow + MARGIN_SECONDS}))
      returning 1),
    keys as (
      delete from idempotency_keys
      where created_at < coalesce(${at}::timestamptz, now()) - ${IDEMPOTENCY_RETENTION}::interval - make_interval(secs => ${MARGIN_SECONDS})
      returning 1)
    select (select count(*)::int from buckets) as buckets, (select count(*)::int from windows) as windows,
           (select count(*)::int from keys) as idempotency_keys`;
  return { buckets: counts.buckets, windows: counts.windows, idempotencyKeys: counts.idempotency_keys };
}

export function pruneExpiredStateTask(deps: {
  pg: postgres.Sql;
  config: Pick<ServerConfig, "rateLimit">;
}): Task<"prune_expired_state"> {
  return async () => {
    await pruneExpiredState(deps.pg, deps.config);
  };
}
