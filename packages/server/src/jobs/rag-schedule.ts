// rag_schedule_tick: graphile-worker's crontab runs it once a minute across all workers; it starts a
// scheduled run for every ai-asset whose own schedule (a 5-field crontab spec) matches that minute.
// The run row and its rag_run job are written in one statement, and (asset, tick) is unique, so a
// retried tick starts nothing twice.
import type { Task } from "graphile-worker";
import type postgres from "postgres";
import { scheduleMatches } from "../ai-assets/schedule.ts";
import { RAG_RUN_MAX_ATTEMPTS } from "../rag-runs/limits.ts";

export const RAG_SCHEDULE_CRONTAB = "* * * * * rag_schedule_tick";

export function ragScheduleTickTask(deps: { pg: postgres.Sql }): Task<"rag_schedule_tick"> {
  return async (payload) => {
    const tick = payload?._cron?.ts;
    const at = tick ? new Date(tick) : new Date();
    at.setUTCSeconds(0, 0);
    const assets = await deps.pg<Array<{ id: string; tenant_id: string; schedule: string }>>`
      select id, tenant_id, schedule from ai_assets where schedule is not null and deleted_at is null and kind = 'rag'`;
    for (const asset of assets.filter((candidate) => scheduleMatches(candidate.schedule, at))) {
      await deps.pg`
        with run as (
          insert into rag_runs (tenant_id, ai_asset_id, trigger, status, scheduled_for)
          values (${asset.tenant_id}, ${asset.id}, 'scheduled', 'running', ${at.toISOString()})
          on conflict (ai_asset_id, scheduled_for) where scheduled_for is not null do nothing
          returning id, tenant_id),
        audited as (
          insert into audit_events (tenant_id, action, result, target_kind, target_id, details)
          select tenant_id, 'rag_run.started', 'success', 'rag_run', id, ${JSON.stringify({ ai_asset_id: asset.id, trigger: "scheduled", schedule: asset.schedule })}::jsonb from run)
        select graphile_worker.add_job('rag_run', json_build_object('rag_run_id', id, 'tenant_id', tenant_id), job_key => 'rag_run:' || id, max_attempts => ${RAG_RUN_MAX_ATTEMPTS})
        from run`;
    }
  };
}
