// Per-operation guard, in this order: authenticate (401), per-token rate limit (429), scope (403).
import type { MiddlewareHandler } from "hono";
import { findToken, type TokenIdentity } from "../auth/tokens.ts";
import type { AppDeps } from "../app-deps.ts";
import type { OperationInfo } from "../generated/contract.ts";
import { takeToken } from "../rate-limit/take-token.ts";
import { ApiError, rateLimited } from "./api-error.ts";

declare module "hono" {
  interface ContextVariableMap {
    identity: TokenIdentity | undefined;
  }
}

const unauthorized = (slug: string) => new ApiError(401, slug, {}, { "WWW-Authenticate": `Bearer error="${slug}"` });

export function guardOperation(operation: OperationInfo, deps: AppDeps): MiddlewareHandler {
  const { perMinute, burst } = deps.config.rateLimit;
  return async (c, next) => {
    const header = c.req.header("authorization");
    if (!header) throw unauthorized("missing_token");
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw unauthorized("invalid_token");
    const identity = await findToken(deps.db, match[1]!);
    if (!identity || identity.revokedAt) throw unauthorized("invalid_token");
    if (identity.expiresAt && identity.expiresAt.getTime() <= Date.now()) throw unauthorized("expired_token");
    c.set("identity", identity);

    const bucket = await takeToken(deps.sql, { key: `token:${identity.tokenId}`, capacity: burst, refillPerSecond: perMinute / 60 });
    const refillPerSecond = perMinute / 60;
    c.header("X-RateLimit-Limit", String(perMinute));
    c.header("X-RateLimit-Remaining", String(Math.max(0, Math.floor(bucket.remaining))));
    c.header("X-RateLimit-Reset", String(Math.ceil((burst - bucket.remaining) / refillPerSecond)));
    if (!bucket.allowed) throw rateLimited(bucket.retryAfterSeconds);

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
