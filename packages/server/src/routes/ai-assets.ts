import type { z } from "@hono/zod-openapi";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { AppDeps } from "../app-deps.ts";
import type { App } from "../app-deps.ts";
import { recordRequestEvent } from "../audit/record-audit.ts";
import { aiAssets } from "../db/schema.ts";
import { RagAssetConfigSchema, createAiAssetRoute, deleteAiAssetRoute, getAiAssetRoute, listAiAssetsRoute, updateAiAssetRoute } from "../generated/contract.ts";
import { badRequest, notFound } from "../errors/api-error.ts";
import { scheduleProblem } from "../ai-assets/schedule.ts";
import { identityOf } from "../http/guard-operation.ts";
import { afterCursor, decodeCursor, page } from "../pagination/cursor.ts";
import { checkTargetUrl } from "../security/check-target-url.ts";
import { sealOptional } from "../security/secret-box.ts";

type AiAssetRow = typeof aiAssets.$inferSelect;
type RagAssetConfig = z.output<typeof RagAssetConfigSchema>;

export function toAiAsset(row: AiAssetRow) {
  return {
    id: row.id,
    name: row.name,
    kind: "rag" as const,
    // Parsed, so that assets stored before a config field existed read back with its default.
    config: RagAssetConfigSchema.parse(row.config) as RagAssetConfig,
    has_auth_secret: row.authSecretEncrypted !== null,
    schedule: row.schedule,
    tags: row.tags,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

// The pattern in openapi.yaml only checks for five fields; graphile-worker's parser decides.
function checkSchedule(schedule: string | null | undefined) {
  const problem = schedule ? scheduleProblem(schedule) : null;
  if (problem) throw badRequest("invalid_request", { issues: [{ path: "schedule", message: problem }] });
}

export function registerAiAssetRoutes(app: App, deps: AppDeps) {
  const { db } = deps;

  async function loadAsset(tenantId: string, id: string): Promise<AiAssetRow> {
    const [row] = await db.select().from(aiAssets).where(and(eq(aiAssets.id, id), eq(aiAssets.tenantId, tenantId), isNull(aiAssets.deletedAt)));
    if (!row) throw notFound("ai_asset_not_found");
    return row;
  }

  async function checkConfigUrls(config: Pick<RagAssetConfig, "ingest_url" | "query_url" | "delete_url">) {
    for (const field of ["ingest_url", "query_url", "delete_url"] as const) await checkTargetUrl(config[field], deps.targetPolicy, `config.${field}`);
  }

  app.openapi(createAiAssetRoute, async (c) => {
    const identity = identityOf(c);
    const body = c.req.valid("json");
    await checkConfigUrls(body.config);
    checkSchedule(body.schedule);
    const [row] = await db
      .insert(aiAssets)
      .values({
        tenantId: identity.tenantId,
        name: body.name,
        kind: body.kind,
        config: body.config,
        authSecretEncrypted: sealOptional(deps.secretBox, body.auth_secret, identity.tenantId) ?? null,
        schedule: body.schedule ?? null,
        tags: body.tags ?? [],
      })
      .returning();
    await recordRequestEvent(db, c, { action: "ai_asset.created", targetKind: "ai_asset", targetId: row!.id, details: { name: row!.name } });
    return c.json(toAiAsset(row!), 201);
  });

  app.openapi(listAiAssetsRoute, async (c) => {
    const identity = identityOf(c);
    const query = c.req.valid("query");
    const rows = await db
      .select()
      .from(aiAssets)
      .where(and(eq(aiAssets.tenantId, identity.tenantId), isNull(aiAssets.deletedAt), afterCursor(decodeCursor(query.cursor), aiAssets.createdAt, aiAssets.id)))
      .orderBy(desc(aiAssets.createdAt), desc(aiAssets.id))
      .limit(query.limit + 1);
    const result = page(rows, query.limit, (row) => ({ at: row.createdAt, id: row.id }));
    return c.json({ data: result.data.map(toAiAsset), next_cursor: result.next_cursor }, 200);
  });

  app.openapi(getAiAssetRoute, async (c) => {
    const identity = identityOf(c);
    return c.json(toAiAsset(await loadAsset(identity.tenantId, c.req.valid("param").id)), 200);
  });

  app.openapi(updateAiAssetRoute, async (c) => {
    const identity = identityOf(c);
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    await loadAsset(identity.tenantId, id);
    if (body.config) await checkConfigUrls(body.config);
    checkSchedule(body.schedule);
    const [row] = await db
      .update(aiAssets)
      .set({
        name: body.name,
        config: body.config,
        authSecretEncrypted: sealOptional(deps.secretBox, body.auth_secret, identity.tenantId),
        schedule: body.schedule,
        tags: body.tags,
        updatedAt: new Date(),
      })
      .where(and(eq(aiAssets.id, id), eq(aiAssets.tenantId, identity.tenantId)))
      .returning();
    await recordRequestEvent(db, c, { action: "ai_asset.updated", targetKind: "ai_asset", targetId: id, details: { fields: Object.keys(body) } });
    return c.json(toAiAsset(row!), 200);
  });

  app.openapi(deleteAiAssetRoute, async (c) => {
    const identity = identityOf(c);
    const { id } = c.req.valid("param");
    await loadAsset(identity.tenantId, id);
    await db.update(aiAssets).set({ deletedAt: new Date() }).where(and(eq(aiAssets.id, id), eq(aiAssets.tenantId, identity.tenantId)));
    await recordRequestEvent(db, c, { action: "ai_asset.deleted", targetKind: "ai_asset", targetId: id });
    return c.body(null, 204);
  });
}
