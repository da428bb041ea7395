// What the worker's tasks use: the database, the key that opens endpoint secrets, the judge panel
// and this process's share of each endpoint's limits.
import type { GuardPolicy, Judge } from "@penaxtra/engine";
import type postgres from "postgres";
import type { Logger } from "pino";
import type { ServerConfig } from "../config.ts";
import type { Database } from "../db/connection.ts";
import type { SecretBox } from "../security/secret-box.ts";
import type { EndpointLeases } from "../targets/leased-limiter.ts";
import type { AttemptRecorder } from "./attempt-recorder.ts";

export interface WorkerDeps {
  db: Database;
  sql: postgres.Sql;
  config: ServerConfig;
  log: Logger;
  secretBox: SecretBox;
  targetPolicy: GuardPolicy;
  judges: readonly Judge[];
  leases: EndpointLeases;
  recorder: AttemptRecorder;
}

export interface ScanJobPayload {
  scan_id: string;
  tenant_id: string;
}

/** A scan_batch job's share of the plan: [probe id, variant index] pairs. */
export type PlannedAttempt = [probeId: string, variantIndex: number];

export interface ScanBatchPayload extends ScanJobPayload {
  batch: number;
  attempts: PlannedAttempt[];
  /** The endpoint and its limits when the scan was planned: lets a batch lease slots while it starts. */
  endpoint?: { id: string; concurrency: number; requests_per_minute: number };
}

export function readScanPayload(payload: unknown): ScanJobPayload {
  const value = payload as Partial<ScanJobPayload> | null;
  if (!value || typeof value.scan_id !== "string" || typeof value.tenant_id !== "string") throw new Error("scan job payload needs scan_id and tenant_id");
  return value as ScanJobPayload;
}

export function readBatchPayload(payload: unknown): ScanBatchPayload {
  const value = readScanPayload(payload) as Partial<ScanBatchPayload>;
  if (typeof value.batch !== "number" || !Array.isArray(value.attempts)) throw new Error("scan_batch payload needs batch and attempts");
  return value as ScanBatchPayload;
}
