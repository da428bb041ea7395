// The postgres.js patch (patches/postgres@3.4.9.patch): a write buffered for a connection whose
// backend has gone must fail its query. Unpatched, the flush ran from a timer on a socket that was
// already gone and threw where nothing could catch it, which took the process down (seen in the
// database-outage test; upstream porsager/postgres#1154, #1208).
import postgres from "postgres";
import { afterEach, expect, inject, it } from "vitest";

let sql: postgres.Sql | null = null;
afterEach(async () => {
  await sql?.end({ timeout: 1 });
  sql = null;
});

it("fails a query on a reserved connection whose backend died, and nothing throws from a timer", async () => {
  sql = postgres(inject("adminDatabaseUrl"), { max: 1, onnotice: () => {} });
  const reserved = await sql.reserve();
  await reserved`select pg_terminate_backend(pg_backend_pid())`.catch(() => {});
  // Let the socket's close be seen, as after an outage.
  await new Promise((resolve) => setTimeout(resolve, 100));
  await expect(reserved`select 1`).rejects.toMatchObject({ code: "CONNECTION_CLOSED" });
  // A flush scheduled for the dead socket would run here and throw.
  await new Promise((resolve) => setTimeout(resolve, 50));
});
