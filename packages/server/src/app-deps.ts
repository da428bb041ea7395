import type { OpenAPIHono } from "@hono/zod-openapi";
import type { GuardPolicy } from "@penaxtra/engine";
import type { Logger } from "pino";
import type postgres from "postgres";
import type { ServerConfig } from "./config.ts";
import type { Database } from "./db/connection.ts";
import type { JobQueue } from "./queue/job-queue.ts";
import type { SecretBox } from "./security/secret-box.ts";

/** The Hono app every route module registers on (app.ts builds it). */
export type App = OpenAPIHono;

/** Everything a request handler may touch; tests build it with fakes where they need to. */
export interface AppDeps {
  db: Database;
  pg: postgres.Sql;
  config: ServerConfig;
  log: Logger;
  secretBox: SecretBox;
  queue: JobQueue;
  targetPolicy: GuardPolicy;
}
