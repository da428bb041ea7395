// Idempotency-Key on every POST: the first request with a key runs and, if it succeeds, its answer
// is stored (sealed: a webhook's answer carries its secret); a repeat with the same key and body
// within 24 hours gets that answer again instead of a second endpoint, scan, report or run. A
// repeat with a different body is refused (422), one that arrives while the first is still running
// is told to retry (409). Only successes are kept: after an error the same key runs the request
// again, as a client retrying a failure expects. Keys are per tenant and per operation and path.
import { createHash } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import type postgres from "postgres";
import { ApiError } from "../errors/api-error.ts";
import type { OperationInfo } from "../generated/contract.ts";
import type { SecretBox } from "../security/secret-box.ts";

const KEY_PATTERN = /^[\x21-\x7E]{1,200}$/;
/** How long a stored answer is replayed; older keys are pruned (jobs/prune-expired-state.ts). */
export const IDEMPOTENCY_RETENTION = "24 hours";
const ABANDONED_AFTER = "60 seconds";

/** Runs after the operation's guard, so the tenant is known; requests without the header pass. */
export function idempotencyKeys(
  operation: OperationInfo,
  deps: { pg: postgres.Sql; secretBox: SecretBox },
): MiddlewareHandler {
  return async (c, next) => {
    const identity = c.get("identity");
    if (!identity || c.req.header("idempotency-key") === undefined) return next();
    const body = await c.req.text();
    return idempotent(c, deps, identity.tenantId, `${operation.operationId} ${c.req.path}`, body, async () => {
      await next();
      return c.res;
    });
  };
}

async function idempotent(
  c: Context,
  deps: { pg: postgres.Sql; secretBox: SecretBox },
  tenantId: string,
  operation: string,
  body: string,
  run: () => Promise<Response>,
): Promise<Response> {
  const { pg, secretBox } = deps;
  const key = c.req.header("idempotency-key");
  if (key === undefined) return run();
  if (!KEY_PATTERN.test(key))
    throw new ApiError(400, "invalid_header", {
      issues: [{ path: "Idempotency-Key", message: "1 to 200 printable ASCII characters" }],
    });
  const requestHash = createHash("sha256").update(body).digest("hex");

  const claimed = await pg`
    with expired as (
      delete from idempotency_keys where tenant_id = ${tenantId} and operation = ${operation} and key = ${key}
        and (created_at < now() - ${IDEMPOTENCY_RETENTION}::interval
             -- A first request that never finished (its process died) does not block the key.
             or (response_status is null and created_at < now() - ${ABANDONED_AFTER}::interval)))
    insert into idempotency_keys (tenant_id, operation, key, request_hash) values (${tenantId}, ${operation}, ${key}, ${requestHash})
    on conflict do nothing
    returning key`;
  if (!claimed.length) {
    const [first] = await pg<Array<{ request_hash: string; response_status: number | null; response_body: unknown }>>`
      select request_hash, response_status, response_body from idempotency_keys where tenant_id = ${tenantId} and operation = ${operation} and key = ${key}`;
    // Gone between the two statements (the first request failed): this one may run.
    if (!first) return idempotent(c, deps, tenantId, operation, body, run);
    if (first.response_status === null) throw new ApiError(409, "idempotency_key_in_use");
    if (first.request_hash !== requestHash) throw new ApiError(422, "idempotency_key_reused");
    c.header("Idempotent-Replayed", "true");
    const stored = secretBox.open(first.response_body as string, tenantId);
    return c.body(stored, first.response_status as 200, { "content-type": "application/json" });
  }

  const release = () =>
    pg`delete from idempotency_keys where tenant_id = ${tenantId} and operation = ${operation} and key = ${key}`;
  let response: Response;
  try {
    response = await run();
  } catch (error) {
    await release();
    throw error;
  }
  if (response.status >= 200 && response.status < 300) {
    const sealed = secretBox.seal(await response.clone().text(), tenantId);
    await pg`update idempotency_keys set response_status = ${response.status}, response_body = ${JSON.stringify(sealed)}::jsonb
              where tenant_id = ${tenantId} and operation = ${operation} and key = ${key}`;
  } else await release();
  return response;
}
