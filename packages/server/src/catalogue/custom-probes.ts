// A tenant's own probes: add one (checked by the engine like a built-in probe), list them, remove
// one, and read the ones a scan names.
import type { z } from "@hono/zod-openapi";
import { customProbe, type Probe, probes } from "@penaxtra/engine";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../db/connection.ts";
import { customProbes } from "../db/schema.ts";
import { ApiError, badRequest, notFound } from "../errors/api-error.ts";
import type { ProbeCreateSchema } from "../generated/contract.ts";

export type ProbeCreate = z.output<typeof ProbeCreateSchema>;

const builtInIds = new Set(probes.map((probe) => probe.id));

export async function listCustomProbes(db: Database, tenantId: string): Promise<Probe[]> {
  const rows = await db
    .select({ definition: customProbes.definition })
    .from(customProbes)
    .where(eq(customProbes.tenantId, tenantId))
    .orderBy(asc(customProbes.createdAt), asc(customProbes.probeId));
  return rows.map((row) => row.definition);
}

/** The tenant's probes among `ids`, by id. */
export async function findCustomProbes(db: Database, tenantId: string, ids: readonly string[]): Promise<Probe[]> {
  if (!ids.length) return [];
  const rows = await db
    .select({ definition: customProbes.definition })
    .from(customProbes)
    .where(and(eq(customProbes.tenantId, tenantId), inArray(customProbes.probeId, [...ids])));
  return rows.map((row) => row.definition);
}

/** 409 probe_exists for a taken id, 400 invalid_probe with every issue the checks find. */
export async function createCustomProbe(db: Database, tenantId: string, body: ProbeCreate): Promise<Probe> {
  if (builtInIds.has(body.id)) throw new ApiError(409, "probe_exists", { probe_id: body.id });
  const checked = customProbe(body);
  if ("issues" in checked) throw badRequest("invalid_probe", { issues: checked.issues });
  const [inserted] = await db
    .insert(customProbes)
    .values({ tenantId, probeId: body.id, definition: checked.probe })
    .onConflictDoNothing()
    .returning({ probeId: customProbes.probeId });
  if (!inserted) throw new ApiError(409, "probe_exists", { probe_id: body.id });
  return checked.probe;
}

/** 404 probe_not_found unless it is one of the tenant's probes. */
export async function deleteCustomProbe(db: Database, tenantId: string, probeId: string): Promise<void> {
  const deleted = await db
    .delete(customProbes)
    .where(and(eq(customProbes.tenantId, tenantId), eq(customProbes.probeId, probeId)))
    .returning({ probeId: customProbes.probeId });
  if (!deleted.length) throw notFound("probe_not_found");
}
