// A tenant's own probes: add one (checked by the engine like a built-in probe), list them, remove
// one, and read the ones a scan names.
import type { z } from "@hono/zod-openapi";
import {
  type AttackerModel,
  customProbe,
  type GeneratedProbe,
  PROBE_CATEGORIES,
  type Probe,
  probes,
  UnusableAttackerReply,
} from "@penaxtra/engine";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Logger } from "pino";
import type { Database } from "../db/connection.ts";
import { customProbes } from "../db/schema.ts";
import { ApiError, badRequest, notFound } from "../errors/api-error.ts";
import type { ProbeCreateSchema, ProbeGenerateSchema } from "../generated/contract.ts";

export type ProbeCreate = z.output<typeof ProbeCreateSchema>;
export type ProbeGenerate = z.output<typeof ProbeGenerateSchema>;

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

/** `policy-<title words>`, with a number when that is taken. */
function policyProbeId(title: string, taken: ReadonlySet<string>): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  const base = `policy-${slug || "rule"}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * What the attacker model drafts from a policy (called outside any transaction: it takes seconds).
 * 400 attacker_not_configured without a model; 502 attacker_failed when it fails.
 */
export async function draftPolicyProbes(
  attacker: AttackerModel | null,
  body: ProbeGenerate,
  log: Pick<Logger, "warn">,
): Promise<GeneratedProbe[]> {
  if (!attacker)
    throw badRequest("attacker_not_configured", {
      message: "drafting probes from a policy needs an attacker model: set PENAXTRA_ATTACKER",
    });
  // Checked before the (paid) call, and so that only a known category reaches the model's prompt.
  if (!Object.hasOwn(PROBE_CATEGORIES, body.category))
    throw badRequest("invalid_probe", {
      issues: [{ path: "category", message: `unknown category; one of ${Object.keys(PROBE_CATEGORIES).join(", ")}` }],
    });
  try {
    return await attacker.probesFromPolicy({ policy: body.policy, category: body.category, count: body.count ?? 3 });
  } catch (error) {
    // The provider's own words (status, body, address) are the operator's, not the tenant's: logged only.
    log.warn({ err: error }, "attacker model failed to draft probes");
    throw new ApiError(502, "attacker_failed", {
      message:
        error instanceof UnusableAttackerReply
          ? "the attacker model did not answer with usable probes"
          : "the attacker model could not be reached or answered with an error; the server's log has the details",
    });
  }
}

/**
 * The drafts checked and stored like POST /probes bodies, all or none: 400 invalid_probe for a
 * category the checks refuse (the caller's mistake), 502 attacker_failed when no draft passes.
 */
export async function storePolicyProbes(
  db: Database,
  tenantId: string,
  body: ProbeGenerate,
  drafts: readonly GeneratedProbe[],
): Promise<Probe[]> {
  const taken = new Set([...builtInIds, ...(await listCustomProbes(db, tenantId)).map((probe) => probe.id)]);
  const checked: Probe[] = [];
  for (const draft of drafts) {
    const id = policyProbeId(draft.title, taken);
    const result = customProbe({
      id,
      title: draft.title,
      category: body.category,
      description: draft.description,
      severity: body.severity,
      detectors: ["canary_echo", "refusal"],
      variants: draft.variants,
    });
    if ("issues" in result) {
      const category = result.issues.filter((issue) => issue.path === "category");
      if (category.length) throw badRequest("invalid_probe", { issues: category });
      continue;
    }
    taken.add(id);
    checked.push(result.probe);
  }
  if (!checked.length) throw new ApiError(502, "attacker_failed", { message: "no drafted probe passed the checks" });
  const stored = await db
    .insert(customProbes)
    .values(checked.map((probe) => ({ tenantId, probeId: probe.id, definition: probe })))
    .onConflictDoNothing()
    .returning({ probeId: customProbes.probeId });
  // Another request took one of the ids meanwhile: all or none, so this one stores nothing.
  if (stored.length !== checked.length) throw new ApiError(409, "probe_exists", { probe_id: checked[0]!.id });
  return checked;
}
