// Closing a scan. Every batch asks when it is done, and the one that finds every planned attempt
// recorded with its probe's finding written (write-scan-findings.ts stamps them) counts them and ends the
// scan in the same statement: completed (degraded, with `target_errors: ...`, when some attempts
// errored), or failed when every attempt errored, with its audit events; it returns how it closed.
import type postgres from "postgres";

/**
 * One statement, so one round trip and one commit: the check and the close run after the last
 * answer, on the path every scan waits for. Why one snapshot is enough: an attempt is stamped by
 * the statement that writes its probe's finding, so when the snapshot holds every stamp it holds
 * every finding too. Two batches that both see everything race for the row lock; the second then
 * finds the scan closed and changes nothing.
 */
export async function closeScanIfDone(
  deps: { pg: postgres.Sql },
  scanId: string,
  tenantId: string,
): Promise<ClosedScan | null> {
  const events = await deps.pg<Array<{ action: string; details: Omit<ClosedScan, "status"> }>>`
    -- The close commits durably, although the worker's connections do not wait for the flush
    -- (start-worker.ts): a scan shown as closed stays closed through a Postgres crash, and so does
    -- everything written before it. Read by every close (below), so it is always set when one happens.
    with durable as materialized (select set_config('synchronous_commit', 'on', true)),
    scan as (
      select id, attempts_total from scans
      where id = ${scanId} and tenant_id = ${tenantId} and status in ('running', 'judging')
        and attempts_total <= (select count(*) from scan_attempts where scan_id = ${scanId} and findings_recorded_at is not null)
      for update),
    attempts as (
      select count(*)::int as done, count(*) filter (where status = 'errored')::int as errored,
             (array_agg(error order by completed_at) filter (where status = 'errored'))[1] as first_error,
             count(*) filter (where unsent)::int as unsent,
             (array_agg(error order by completed_at) filter (where unsent))[1] as first_unsent
      from (select status, error, completed_at,
                   -- Never sent (the attacker model failed, a payload did not render): not the target's doing.
                   status = 'errored' and error ~ '^(attacker|attempt)_failed: ' as unsent
            from scan_attempts where scan_id = ${scanId}) attempt),
    found as (
      select count(*)::int as total, count(*) filter (where status = 'confirmed')::int as confirmed,
             coalesce((array_agg(id order by created_at, id))[1:200], '{}') as ids
      from findings where scan_id = ${scanId}),
    closed as (
      update scans s set
        status = case when a.done > 0 and a.errored = a.done then 'failed' else 'completed' end,
        error = case when a.done > 0 and a.errored = a.done then 'all_attempts_errored: ' || a.first_error
                     -- Degraded: completed, but some probes were not tested; never a silent pass.
                     when a.errored > 0 then format('target_errors: %s of %s attempts errored (%s%%)', a.errored, a.done,
                                                    round(100.0 * a.errored / a.done))
                       || case when a.unsent > 0 then format('; %s of them not sent: %s', a.unsent, a.first_unsent) else '' end end,
        findings_count = f.total, attempts_done = a.done, attempts_errored = a.errored, completed_at = clock_timestamp()
      from scan, attempts a, found f, durable
      where s.id = scan.id
      returning s.status, s.endpoint_id, scan.attempts_total, a.errored, f.total, f.confirmed, f.ids),
    -- Earlier findings of this endpoint whose probe this completed scan sent, got answers to, and
    -- found nothing with: fixed. Only the latest finding of each fingerprint carries its state.
    -- Looked up per clean probe by fingerprint, so the cost does not grow with the endpoint's history.
    clean as (
      select probe_id from scan_attempts where scan_id = ${scanId} and status = 'answered'
      except
      select probe_id from findings where scan_id = ${scanId}),
    fixed as (
      update findings old set lifecycle = 'fixed', updated_at = now()
      from closed cross join clean
      cross join lateral (
        select latest.id from findings latest
        where latest.tenant_id = ${tenantId} and latest.fingerprint = penaxtra_finding_fingerprint(closed.endpoint_id::text, clean.probe_id)
        order by latest.created_at desc, latest.id desc limit 1) latest
      where closed.status = 'completed' and old.id = latest.id and old.scan_id <> ${scanId} and old.lifecycle <> 'fixed')
    insert into audit_events (tenant_id, action, result, target_kind, target_id, details)
    select ${tenantId}, event.action, event.result, 'scan', ${scanId}, event.details
    from closed cross join lateral (values
      (1, 'findings.created', 'success', jsonb_build_object('count', closed.total, 'confirmed', closed.confirmed, 'finding_ids', to_jsonb(closed.ids))),
      (2, case when closed.status = 'failed' then 'scan.failed' else 'scan.completed' end,
          case when closed.status = 'failed' then 'failure' else 'success' end,
          jsonb_build_object('attempts_total', closed.attempts_total, 'attempts_errored', closed.errored, 'findings_count', closed.total))
    ) as event(n, action, result, details)
    where event.n = 2 or closed.total > 0
    order by event.n
    returning action, details`;
  const closed = events.find((event) => event.action === "scan.completed" || event.action === "scan.failed");
  return closed ? { status: closed.action === "scan.failed" ? "failed" : "completed", ...closed.details } : null;
}

/** What this call closed the scan as (its `scan.completed` / `scan.failed` audit details). */
export interface ClosedScan {
  status: "completed" | "failed";
  attempts_total: number;
  attempts_errored: number;
  findings_count: number;
}
