// Per-operation guard, in this order: authenticate (401), per-token rate limit (429), scope (403).
// Authentication and the rate-limit bucket share one round trip (penaxtra_authenticate, db/schema.sql).
import type { MiddlewareHandler } from "hono";
import type { AppDeps } from "../app-deps.ts";
import { hashToken, type TokenIdentity } from "../auth/tokens.ts";
import { ApiError, rateLimited } from "../errors/api-error.ts";
import type { ErrorSlug, OperationInfo } from "../generated/contract.ts";

declare module "hono" {
  interface ContextVariableMap {
    identity: TokenIdentity | undefined;
  }
}

interface AuthenticateRow {
  token_id: string;
  tenant_id: string;
  tenant_slug: string;
  scopes: string[];
  revoked_at: string | null;
  allowed: boolean | null;
  remaining: number | null;
  retry_after_seconds: number | null;
}

const unauthorized = (slug: ErrorSlug) => new ApiError(401, slug, {}, { "WWW-Authenticate": `Bearer error="${slug}"` });

export function guardOperation(operation: OperationInfo, deps: AppDeps): MiddlewareHandler {
  const { perMinute, burst } = deps.config.rateLimit;
  return async (c, next) => {
    const header = c.req.header("authorization");
    if (!header) throw unauthorized("missing_token");
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw unauthorized("invalid_token");
    const refillPerSecond = perMinute / 60;
    const [row] = await deps.pg<
      AuthenticateRow[]
    >`select * from penaxtra_authenticate(${hashToken(match[1]!)}, ${burst}, ${refillPerSecond})`;
    if (!row || row.revoked_at) throw unauthorized("invalid_token");
    if (row.allowed === null) throw unauthorized("expired_token");
    // A live token always comes back with its bucket: allowed, remaining and retry_after are set.
    const identity: TokenIdentity = {
      tokenId: row.token_id,
      tenantId: row.tenant_id,
      tenantSlug: row.tenant_slug,
      scopes: row.scopes,
    };
    c.set("identity", identity);
    const remaining = row.remaining!;
    c.header("X-RateLimit-Limit", String(perMinute));
    c.header("X-RateLimit-Remaining", String(Math.max(0, Math.floor(remaining))));
    c.header("X-RateLimit-Reset", String(Math.ceil((burst - remaining) / refillPerSecond)));
    if (!row.allowed) throw rateLimited(row.retry_after_seconds!);

    if (operation.scope && !identity.scopes.includes(operation.scope)) {
      throw new ApiError(403, "missing_scope", { required_scope: operation.scope });
    }
    await next();
  };
}

/** The identity of a guarded operation; guardOperation has run, so it is set. */
export function identityOf(c: { get(key: "identity"): TokenIdentity | undefined }): TokenIdentity {
  const identity = c.get("identity");
  if (!identity) throw new Error("operation reached without guardOperation");
  return identity;
}
