// Idempotency-Key for creates: the first request with a key runs and, if it succeeds, its answer is
// stored; a repeat with the same key and body within 24 hours gets that answer again instead of a
// second scan or run. A repeat with a different body is refused (422), one that arrives while the
// first is still running is told to retry (409). Only successes are kept: after an error the same
// key runs the request again, as a client retrying a failure expects.
import { createHash } from "node:crypto";
import type { Context } from "hono";
import type postgres from "postgres";
import { ApiError } from "../errors/api-error.ts";

const KEY_PATTERN = /^[\x21-\x7E]{1,200}$/;
const RETENTION = "24 hours";
const ABANDONED_AFTER = "60 seconds";

export async function idempotent(
  c: Context,
  pg: postgres.Sql,
  tenantId: string,
  operation: string,
  body: unknown,
  run: () => Promise<Response>,
): Promise<Response> {
  const key = c.req.header("idempotency-key");
  if (key === undefined) return run();
  if (!KEY_PATTERN.test(key))
    throw new ApiError(400, "invalid_header", {
      issues: [{ path: "Idempotency-Key", message: "1 to 200 printable ASCII characters" }],
    });
  const requestHash = createHash("sha256")
    .update(JSON.stringify(body ?? null))
    .digest("hex");

  const claimed = await pg`
    with expired as (
      delete from idempotency_keys where tenant_id = ${tenantId} and operation = ${operation} and key = ${key}
        and (created_at < now() - ${RETENTION}::interval
             -- A first request that never finished (its process died) does not block the key.
             or (response_status is null and created_at < now() - ${ABANDONED_AFTER}::interval)))
    insert into idempotency_keys (tenant_id, operation, key, request_hash) values (${tenantId}, ${operation}, ${key}, ${requestHash})
    on conflict do nothing
    returning key`;
  if (!claimed.length) {
    const [first] = await pg<Array<{ request_hash: string; response_status: number | null; response_body: unknown }>>`
      select request_hash, response_status, response_body from idempotency_keys where tenant_id = ${tenantId} and operation = ${operation} and key = ${key}`;
    // Gone between the two statements (the first request failed): this one may run.
    if (!first) return idempotent(c, pg, tenantId, operation, body, run);
    if (first.response_status === null) throw new ApiError(409, "idempotency_key_in_use");
    if (first.request_hash !== requestHash) throw new ApiError(422, "idempotency_key_reused");
    c.header("Idempotent-Replayed", "true");
    return c.json(first.response_body as object, first.response_status as 200);
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
    const stored = await response.clone().text();
    await pg`update idempotency_keys set response_status = ${response.status}, response_body = ${stored}::jsonb
              where tenant_id = ${tenantId} and operation = ${operation} and key = ${key}`;
  } else await release();
  return response;
}
