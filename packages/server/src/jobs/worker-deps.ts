// What the worker's tasks use: the database, the key that opens endpoint secrets, the judge panel
// and this process's share of each endpoint's limits.
import type { AttackerModel, GuardPolicy, Judge } from "@penaxtra/engine";
import type { Logger } from "pino";
import type postgres from "postgres";
import type { ServerConfig } from "../config.ts";
import type { Database } from "../db/connection.ts";
import type { SecretBox } from "../security/secret-box.ts";
import type { EndpointLeases } from "../targets/leased-limiter.ts";
import type { AttemptRecorder } from "./attempt-recorder.ts";

export interface WorkerDeps {
  db: Database;
  pg: postgres.Sql;
  config: ServerConfig;
  log: Logger;
  secretBox: SecretBox;
  targetPolicy: GuardPolicy;
  judges: readonly Judge[];
  /** PENAXTRA_ATTACKER's model: adaptive search and language strategies use it; null when none. */
  attacker: AttackerModel | null;
  leases: EndpointLeases;
  recorder: AttemptRecorder;
}
