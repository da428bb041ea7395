import type { App, AppDeps } from "../app-deps.ts";
import { recordRequestEvent } from "../audit/record-audit.ts";
import { toFinding, toFindingDetail } from "../findings/present.ts";
import { changeFindingStatus, findFindingWithEvidence, listFindings } from "../findings/queries.ts";
import { getFindingRoute, listFindingsRoute, updateFindingStatusRoute } from "../generated/contract.ts";
import { identityOf } from "../http/guard-operation.ts";

export function registerFindingRoutes(app: App, deps: AppDeps) {
  const { db } = deps;

  app.openapi(listFindingsRoute, async (c) => {
    const identity = identityOf(c);
    const result = await listFindings(db, identity.tenantId, c.req.valid("query"));
    return c.json({ data: result.data.map(toFinding), next_cursor: result.next_cursor }, 200);
  });

  app.openapi(getFindingRoute, async (c) => {
    const identity = identityOf(c);
    return c.json(toFindingDetail(await findFindingWithEvidence(db, identity.tenantId, c.req.valid("param").id)), 200);
  });

  app.openapi(updateFindingStatusRoute, async (c) => {
    const identity = identityOf(c);
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    await changeFindingStatus(db, identity.tenantId, id, body.status, (tx, before) =>
      recordRequestEvent(tx, c, {
        action: "finding.status_changed",
        targetKind: "finding",
        targetId: id,
        details: { before, after: body.status, ...(body.note ? { note: body.note } : {}) },
      }),
    );
    return c.json(toFindingDetail(await findFindingWithEvidence(db, identity.tenantId, id)), 200);
  });
}
