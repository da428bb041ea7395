// The probe library (with the tenant's own probes) and the frameworks.

import { parseAttackerConfig } from "@penaxtra/engine";
import type { App, AppDeps } from "../app-deps.ts";
import { changeWithAudit } from "../audit/record-audit.ts";
import {
  createCustomProbe,
  deleteCustomProbe,
  draftPolicyProbes,
  listCustomProbes,
  storePolicyProbes,
} from "../catalogue/custom-probes.ts";
import { frameworkCatalogue, probeCatalogue, toProbe } from "../catalogue/present.ts";
import {
  createProbeRoute,
  deleteProbeRoute,
  generateProbesRoute,
  listFrameworksRoute,
  listProbesRoute,
} from "../generated/contract.ts";
import { identityOf } from "../http/guard-operation.ts";

export function registerCatalogueRoutes(app: App, deps: AppDeps) {
  const { db } = deps;
  // Start-up has already refused a bad PENAXTRA_ATTACKER; its URL is the operator's, so private hosts are allowed.
  const attacker = parseAttackerConfig(deps.config.attacker, process.env, { allowPrivate: true });
  app.openapi(listProbesRoute, async (c) =>
    c.json(probeCatalogue(await listCustomProbes(db, identityOf(c).tenantId)), 200),
  );
  app.openapi(createProbeRoute, async (c) => {
    const identity = identityOf(c);
    const body = c.req.valid("json");
    const probe = await changeWithAudit(
      db,
      c,
      (tx) => createCustomProbe(tx, identity.tenantId, body),
      (created) => ({
        action: "probe.created",
        targetKind: "probe",
        targetId: created.id,
        details: { category: created.category, severity: created.severity, variants: created.variants.length },
      }),
    );
    return c.json(toProbe(probe, true), 201);
  });
  app.openapi(generateProbesRoute, async (c) => {
    const identity = identityOf(c);
    const body = c.req.valid("json");
    const drafts = await draftPolicyProbes(attacker, body, deps.log);
    const created = await changeWithAudit(
      db,
      c,
      (tx) => storePolicyProbes(tx, identity.tenantId, body, drafts),
      (probes) => ({
        action: "probe.generated",
        targetKind: "probe",
        targetId: probes[0]!.id,
        details: { probe_ids: probes.map((probe) => probe.id), category: body.category },
      }),
    );
    return c.json({ data: created.map((probe) => toProbe(probe, true)) }, 201);
  });
  app.openapi(deleteProbeRoute, async (c) => {
    const identity = identityOf(c);
    const { probe_id: probeId } = c.req.valid("param");
    await changeWithAudit(
      db,
      c,
      (tx) => deleteCustomProbe(tx, identity.tenantId, probeId),
      () => ({ action: "probe.deleted", targetKind: "probe", targetId: probeId }),
    );
    return c.body(null, 204);
  });
  app.openapi(listFrameworksRoute, (c) => c.json(frameworkCatalogue, 200));
}
