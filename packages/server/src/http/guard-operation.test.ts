import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { hashToken } from "../auth/tokens.ts";
import { createTestContext, type TestContext } from "../testing/test-context.ts";

let ctx: TestContext;
let token: string;
beforeAll(async () => {
  ctx = await createTestContext(inject("adminDatabaseUrl"));
  token = await ctx.token(await ctx.createTenant());
});
afterAll(async () => ctx.cleanup());

describe("penaxtra_authenticate", () => {
  it("commits its bookkeeping (bucket, last use) without waiting for the WAL flush", async () => {
    const commitMode = await ctx.pg.begin(async (tx) => {
      await tx`select * from penaxtra_authenticate(${hashToken(token)}, 10, 1)`;
      const [row] = await tx<Array<{ synchronous_commit: string }>>`show synchronous_commit`;
      return row!.synchronous_commit;
    });
    expect(commitMode).toBe("off");
  });

  it("leaves the request's own writes durable: the setting ends with its statement", async () => {
    const connection = await ctx.pg.reserve();
    try {
      await connection`select * from penaxtra_authenticate(${hashToken(token)}, 10, 1)`;
      const [row] = await connection<Array<{ synchronous_commit: string }>>`show synchronous_commit`;
      expect(row!.synchronous_commit).toBe("on");
    } finally {
      connection.release();
    }
  });
});
