// One real PostgreSQL (embedded) for the whole run; each test file gets its own database in it.
// DATABASE_URL, when set, is used instead (an admin URL that may CREATE DATABASE).
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmbeddedPostgres } from "@penaxtra/server";
import pino from "pino";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    project.provide("adminDatabaseUrl", process.env.DATABASE_URL);
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), "penaxtra-test-"));
  await chmod(dir, 0o755);
  const cluster = await startEmbeddedPostgres(dir, pino({ level: "warn" }));
  project.provide("adminDatabaseUrl", cluster.url);
  return async () => {
    await cluster.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
