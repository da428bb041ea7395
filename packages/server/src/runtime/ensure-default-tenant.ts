// First start on an empty database: tenant `default` and one all-scopes admin token, printed once.
import { sql } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit.ts";
import { createToken, SCOPES } from "../auth/tokens.ts";
import type { Database } from "../db/connection.ts";
import { tenants } from "../db/schema.ts";

/**
 * With `adminToken: false` (a one-shot CLI run, whose output may land in CI logs) the tenant is
 * created without the admin token: `penaxtra token create --tenant default` makes one when wanted.
 */
export async function ensureDefaultTenant(
  db: Database,
  options: { adminToken?: boolean } = {},
): Promise<{ token: string; tenantId: string } | null> {
  return db.transaction(async (tx) => {
    // Serialise concurrent first starts (API and worker processes booting together).
    await tx.execute(sql`select pg_advisory_xact_lock(7041977310245113)`);
    const [existing] = await tx.select({ id: tenants.id }).from(tenants).limit(1);
    if (existing) return null;
    const [tenant] = await tx.insert(tenants).values({ slug: "default" }).returning({ id: tenants.id });
    if (options.adminToken === false) return null;
    const created = await createToken(tx as unknown as Database, {
      tenantId: tenant!.id,
      scopes: [...SCOPES],
      name: "bootstrap admin",
    });
    await recordAudit(tx as unknown as Database, {
      tenantId: tenant!.id,
      action: "token.created",
      result: "success",
      targetKind: "token",
      targetId: created.id,
      details: { scopes: created.scopes, via: "first start" },
    });
    return { token: created.token, tenantId: tenant!.id };
  });
}
