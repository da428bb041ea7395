// An ai-asset row as the API shows it (the AiAsset schema of openapi.yaml).
import type { z } from "@hono/zod-openapi";
import type { aiAssets } from "../db/schema.ts";
import { RagAssetConfigSchema } from "../generated/contract.ts";

export type AiAssetRow = typeof aiAssets.$inferSelect;
export type RagAssetConfig = z.output<typeof RagAssetConfigSchema>;

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
