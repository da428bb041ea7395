// schema.sql must be what the migrations build: a migration that changes the schema rewrites it.
import { readFile } from "node:fs/promises";
import { describe, expect, inject, it } from "vitest";
import { DUMP_COMMAND, dumpMigratedSchema, SCHEMA_SQL_PATH } from "./dump-schema.ts";

describe("src/db/schema.sql", () => {
  it("is the schema of a freshly migrated database", async () => {
    const dumped = await dumpMigratedSchema(inject("adminDatabaseUrl"));
    const committed = await readFile(SCHEMA_SQL_PATH, "utf8").catch(() => "(missing)");
    expect(
      committed,
      `src/db/schema.sql (+) differs from what the migrations build (-); rewrite it with: ${DUMP_COMMAND}`,
    ).toBe(dumped);
  });
});
