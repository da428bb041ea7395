// Per-operation guard, in this order: authenticate (401), per-token rate limit (429), scope (403).
// Authentication and the rate-limit bucket share one round trip (penaxtra_authenticate, db/schema.sql).
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import ipaddr from "ipaddr.js";
import type { AppDeps } from "../app-deps.ts";
import { hashToken, type TokenIdentity } from "../auth/tokens.ts";
import { ApiError, rateLimited } from "../errors/api-error.ts";
import type { ErrorSlug, OperationInfo } from "../generated/contract.ts";
import { takeToken } from "../rate-limit/take-token.ts";

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

/**
 * Where a request came from, as this process saw it (no forwarding header is trusted); an IPv6
 * client by its /64, since one host commonly holds the whole prefix.
 */
export function clientAddress(c: Context): string {
  let address: string | undefined;
  try {
    address = getConnInfo(c).remote.address;
  } catch {
    // Not served by @hono/node-server (app.request in tests): one shared address.
  }
  if (!address) return "unknown";
  if (!address.includes(":") || address.startsWith("::ffff:")) return address;
  return `${ipaddr.IPv6.parse(address)
    .parts.slice(0, 4)
    .map((part) => part.toString(16))
    .join(":")}::/64`;
}

export function guardOperation(operation: OperationInfo, deps: AppDeps): MiddlewareHandler {
  const { perMinute, burst } = deps.config.rateLimit;
  const failuresPerMinute = deps.config.authFailuresPerMinute;
  // Failed authentication costs a client address from its own bucket: a client guessing tokens,
  // or flooding without one, is answered 429 before it can cost more.
  const unauthorized = async (c: Context, slug: ErrorSlug) => {
    const bucket = await takeToken(deps.pg, {
      key: `auth_failure:${clientAddress(c)}`,
      capacity: failuresPerMinute,
      refillPerSecond: failuresPerMinute / 60,
    });
    if (!bucket.allowed) return rateLimited(bucket.retryAfterSeconds);
    return new ApiError(401, slug, {}, { "WWW-Authenticate": `Bearer error="${slug}"` });
  };
  return async (c, next) => {
    const header = c.req.header("authorization");
    if (!header) throw await unauthorized(c, "missing_token");
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw await unauthorized(c, "invalid_token");
    const refillPerSecond = perMinute / 60;
    const [row] = await deps.pg<
      AuthenticateRow[]
    >`select * from penaxtra_authenticate(${hashToken(match[1]!)}, ${burst}, ${refillPerSecond})`;
    if (!row || row.revoked_at) throw await unauthorized(c, "invalid_token");
    if (row.allowed === null) throw await unauthorized(c, "expired_token");
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
