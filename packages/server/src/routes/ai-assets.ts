import { toAiAsset } from "../ai-assets/present.ts";
import { createAiAsset, deleteAiAsset, findAiAsset, listAiAssets, updateAiAsset } from "../ai-assets/queries.ts";
import type { App, AppDeps } from "../app-deps.ts";
import { changeWithAudit } from "../audit/record-audit.ts";
import {
  createAiAssetRoute,
  deleteAiAssetRoute,
  getAiAssetRoute,
  listAiAssetsRoute,
  updateAiAssetRoute,
} from "../generated/contract.ts";
import { identityOf } from "../http/guard-operation.ts";

export function registerAiAssetRoutes(app: App, deps: AppDeps) {
  const { db } = deps;

  app.openapi(createAiAssetRoute, async (c) => {
    const identity = identityOf(c);
    const body = c.req.valid("json");
    const row = await changeWithAudit(
      db,
      c,
      (tx) => createAiAsset({ ...deps, db: tx }, identity.tenantId, body),
      (created) => ({
        action: "ai_asset.created",
        targetKind: "ai_asset",
        targetId: created.id,
        details: { name: created.name },
      }),
    );
    return c.json(toAiAsset(row), 201);
  });

  app.openapi(listAiAssetsRoute, async (c) => {
    const identity = identityOf(c);
    const result = await listAiAssets(db, identity.tenantId, c.req.valid("query"));
    return c.json({ data: result.data.map(toAiAsset), next_cursor: result.next_cursor }, 200);
  });

  app.openapi(getAiAssetRoute, async (c) => {
    const identity = identityOf(c);
    return c.json(toAiAsset(await findAiAsset(db, identity.tenantId, c.req.valid("param").id)), 200);
  });

  app.openapi(updateAiAssetRoute, async (c) => {
    const identity = identityOf(c);
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const row = await changeWithAudit(
      db,
      c,
      (tx) => updateAiAsset({ ...deps, db: tx }, identity.tenantId, id, body),
      () => ({
        action: "ai_asset.updated",
        targetKind: "ai_asset",
        targetId: id,
        details: { fields: Object.keys(body) },
      }),
    );
    return c.json(toAiAsset(row), 200);
  });

  app.openapi(deleteAiAssetRoute, async (c) => {
    const identity = identityOf(c);
    const { id } = c.req.valid("param");
    await changeWithAudit(
      db,
      c,
      (tx) => deleteAiAsset(tx, identity.tenantId, id),
      () => ({ action: "ai_asset.deleted", targetKind: "ai_asset", targetId: id }),
    );
    return c.body(null, 204);
  });
}
