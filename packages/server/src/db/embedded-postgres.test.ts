import { spawn } from "node:child_process";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pino from "pino";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./embedded-postgres.ts";

const log = pino({ level: "silent" });
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function dataDir() {
  const dir = await mkdtemp(join(tmpdir(), "penaxtra-pg-"));
  await chmod(dir, 0o755);
  dirs.push(dir);
  return dir;
}

describe("embedded Postgres", () => {
  it("keeps data across restarts and recovers from a stale postmaster.pid", async () => {
    const dir = await dataDir();
    const first = await startEmbeddedPostgres(dir, log);
    const pg = postgres(first.url, { max: 1, onnotice: () => {} });
    await pg`create table kept (value text)`;
    await pg`insert into kept values ('survives')`;
    await pg.end();
    await first.stop();

    // What a crash leaves behind: a pid file naming a process that no longer exists.
    await writeFile(join(dir, "pg", "postmaster.pid"), "999999\n/data\n1700000000\n5432\n/tmp\nlocalhost\n");
    const second = await startEmbeddedPostgres(dir, log);
    const again = postgres(second.url, { max: 1, onnotice: () => {} });
    expect(await again`select value from kept`).toEqual([{ value: "survives" }]);
    await again.end();
    await second.stop();
  });

  it("a second process on the same data dir shares the running cluster", async () => {
    const dir = await dataDir();
    const owner = await startEmbeddedPostgres(dir, log);
    const sharer = await startEmbeddedPostgres(dir, log);
    expect(sharer.owned).toBe(false);
    expect(sharer.url).toBe(owner.url);
    const state = JSON.parse(await readFile(join(dir, "embedded-postgres.json"), "utf8"));
    expect(state.ownerPid).toBe(process.pid);
    await owner.stop();
  });

  it("restarts a cluster orphaned by an owner killed with SIGKILL", async () => {
    const dir = await dataDir();
    const fixture = fileURLToPath(new URL("./embedded-postgres.owner-fixture.ts", import.meta.url));
    const tsx = createRequire(import.meta.url).resolve("tsx");
    const owner = spawn(process.execPath, ["--import", tsx, fixture, dir]);
    await new Promise<void>((resolve, reject) => {
      owner.stdout.on("data", (chunk) => String(chunk).includes("ready") && resolve());
      owner.once("exit", () => reject(new Error("fixture exited")));
    });
    const orphanPid = Number((await readFile(join(dir, "pg", "postmaster.pid"), "utf8")).split("\n")[0]);
    owner.kill("SIGKILL");
    await new Promise((resolve) => owner.once("exit", resolve));
    expect(() => process.kill(orphanPid, 0)).not.toThrow(); // the postmaster outlived its owner

    const adopted = await startEmbeddedPostgres(dir, log);
    expect(adopted.owned).toBe(true);
    expect(() => process.kill(orphanPid, 0)).toThrow();
    const pg = postgres(adopted.url, { max: 1, onnotice: () => {} });
    expect(await pg`select 1 as ok`).toEqual([{ ok: 1 }]);
    await pg.end();
    await adopted.stop();
  });

  it("leaves the process's exit code alone (async-exit-hook would force 0)", async () => {
    const tsx = createRequire(import.meta.url).resolve("tsx");
    const module = fileURLToPath(new URL("./embedded-postgres.ts", import.meta.url));
    const script = `import(${JSON.stringify(module)}).then((m) => m.loadEmbeddedPostgres()).then(() => { process.exitCode = 3; });`;
    const child = spawn(process.execPath, ["--import", tsx, "--input-type=module", "-e", script]);
    const code = await new Promise((resolve) => child.once("exit", resolve));
    expect(code).toBe(3);
  });
});
