// API tokens: random, shown once, stored only as SHA-256 hashes.
import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "../db/connection.ts";
import { apiTokens } from "../db/schema.ts";

export const SCOPES = [
  "endpoints:read",
  "endpoints:write",
  "scans:read",
  "scans:write",
  "findings:read",
  "findings:write",
  "rag:read",
  "rag:write",
  "audit:read",
  "reports:generate",
  "reports:read",
  "webhooks:write",
  "probes:write",
] as const;
export type Scope = (typeof SCOPES)[number];

const TOKEN_PREFIX = "pxt_";

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export function parseScopes(raw: string): Scope[] {
  const scopes = raw
    .split(",")
    .map((scope) => scope.trim())
    .filter(Boolean);
  if (scopes.length === 1 && scopes[0] === "all") return [...SCOPES];
  const unknown = scopes.filter((scope) => !(SCOPES as readonly string[]).includes(scope));
  if (unknown.length) throw new Error(`unknown scopes: ${unknown.join(", ")} (known: ${SCOPES.join(", ")})`);
  if (!scopes.length) throw new Error("at least one scope is needed");
  return scopes as Scope[];
}

export interface CreatedToken {
  id: string;
  token: string;
  tenantId: string;
  scopes: Scope[];
  expiresAt: Date | null;
}

export async function createToken(
  db: Database,
  input: { tenantId: string; scopes: Scope[]; name?: string; expiresInDays?: number | null },
): Promise<CreatedToken> {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  const [row] = await db
    .insert(apiTokens)
    .values({
      tenantId: input.tenantId,
      name: input.name ?? "cli",
      tokenHash: hashToken(token),
      scopes: input.scopes,
      expiresAt,
    })
    .returning({ id: apiTokens.id });
  return { id: row!.id, token, tenantId: input.tenantId, scopes: input.scopes, expiresAt };
}

/** Revokes a token of the tenant once: a second revoke keeps the first revocation's time. */
export async function revokeToken(
  db: Database,
  tenantId: string,
  tokenId: string,
): Promise<"revoked" | "already_revoked" | "not_found"> {
  const [token] = await db
    .select({ revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.tenantId, tenantId)));
  if (!token) return "not_found";
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.tenantId, tenantId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length ? "revoked" : "already_revoked";
}

export interface TokenIdentity {
  tokenId: string;
  tenantId: string;
  tenantSlug: string;
  scopes: string[];
}
