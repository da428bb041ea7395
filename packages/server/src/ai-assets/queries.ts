// The ai-assets of a tenant: list, read, create, change, soft-delete.
import type { z } from "@hono/zod-openapi";
import type { GuardPolicy } from "@penaxtra/engine";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Database } from "../db/connection.ts";
import { aiAssets } from "../db/schema.ts";
import { notFound } from "../errors/api-error.ts";
import type { AiAssetCreateSchema, AiAssetUpdateSchema, listAiAssetsRoute } from "../generated/contract.ts";
import { afterCursor, decodeCursor, page } from "../pagination/cursor.ts";
import { type SecretBox, sealOptional } from "../security/secret-box.ts";
import type { AiAssetRow } from "./present.ts";
import { checkConfigUrls, checkSchedule } from "./rules.ts";

export type AiAssetListQuery = z.output<typeof listAiAssetsRoute.request.query>;
export type AiAssetCreate = z.output<typeof AiAssetCreateSchema>;
export type AiAssetUpdate = z.output<typeof AiAssetUpdateSchema>;
/** Writing an ai-asset checks its URLs against the target policy and seals its auth secret. */
export interface AiAssetWriteDeps {
  db: Database;
  secretBox: SecretBox;
  targetPolicy: GuardPolicy;
}

/** A page of the tenant's ai-assets that are not deleted, newest first. */
export async function listAiAssets(db: Database, tenantId: string, query: AiAssetListQuery) {
  const rows = await db
    .select()
    .from(aiAssets)
    .where(
      and(
        eq(aiAssets.tenantId, tenantId),
        isNull(aiAssets.deletedAt),
        afterCursor(decodeCursor(query.cursor), aiAssets.createdAt, aiAssets.id),
      ),
    )
    .orderBy(desc(aiAssets.createdAt), desc(aiAssets.id))
    .limit(query.limit + 1);
  return page(rows, query.limit, (row) => ({ at: row.createdAt, id: row.id }));
}

/** The ai-asset, unless it is another tenant's or deleted: then 404 ai_asset_not_found. */
export async function findAiAsset(db: Database, tenantId: string, id: string): Promise<AiAssetRow> {
  const [row] = await db
    .select()
    .from(aiAssets)
    .where(and(eq(aiAssets.id, id), eq(aiAssets.tenantId, tenantId), isNull(aiAssets.deletedAt)));
  if (!row) throw notFound("ai_asset_not_found");
  return row;
}

export async function createAiAsset(
  deps: AiAssetWriteDeps,
  tenantId: string,
  body: AiAssetCreate,
): Promise<AiAssetRow> {
  await checkConfigUrls(body.config, deps.targetPolicy);
  checkSchedule(body.schedule);
  const [row] = await deps.db
    .insert(aiAssets)
    .values({
      tenantId,
      name: body.name,
      kind: body.kind,
      config: body.config,
      authSecretEncrypted: sealOptional(deps.secretBox, body.auth_secret, tenantId) ?? null,
      schedule: body.schedule ?? null,
      tags: body.tags ?? [],
    })
    .returning();
  return row!;
}

/** Sets the fields the body names (a config replaces the whole config); 404 as findAiAsset. */
export async function updateAiAsset(
  deps: AiAssetWriteDeps,
  tenantId: string,
  id: string,
  body: AiAssetUpdate,
): Promise<AiAssetRow> {
  await findAiAsset(deps.db, tenantId, id);
  if (body.config) await checkConfigUrls(body.config, deps.targetPolicy);
  checkSchedule(body.schedule);
  const [row] = await deps.db
    .update(aiAssets)
    .set({
      name: body.name,
      config: body.config,
      authSecretEncrypted: sealOptional(deps.secretBox, body.auth_secret, tenantId),
      schedule: body.schedule,
      tags: body.tags,
      updatedAt: new Date(),
    })
    .where(and(eq(aiAssets.id, id), eq(aiAssets.tenantId, tenantId)))
    .returning();
  return row!;
}

/** Soft delete: its runs and findings are kept. 404 as findAiAsset. */
export async function deleteAiAsset(db: Database, tenantId: string, id: string): Promise<void> {
  await findAiAsset(db, tenantId, id);
  await db
    .update(aiAssets)
    .set({ deletedAt: new Date() })
    .where(and(eq(aiAssets.id, id), eq(aiAssets.tenantId, tenantId)));
}
