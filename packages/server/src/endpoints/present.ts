// An endpoint row as the API shows it (the Endpoint schema of openapi.yaml), and the answer of a
// connectivity test (EndpointTestResult).
import type { z } from "@hono/zod-openapi";
import type { HttpTemplate, TargetOutcome } from "@penaxtra/engine";
import type { endpoints } from "../db/schema.ts";
import type { EndpointLimitsSchema } from "../generated/contract.ts";

export type EndpointRow = typeof endpoints.$inferSelect;
export type EndpointLimits = z.output<typeof EndpointLimitsSchema>;

export function toEndpoint(row: EndpointRow) {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    wire_format: row.wireFormat,
    model: row.model,
    auth_header: row.authHeader,
    has_auth_secret: row.authSecretEncrypted !== null,
    // Stored after validation, which filled in the defaults.
    http_template: row.httpTemplate as (Required<Pick<HttpTemplate, "method">> & HttpTemplate) | null,
    purpose: row.purpose ?? null,
    tools: row.tools,
    limits: row.limits as EndpointLimits,
    tags: row.tags,
    status: row.status,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export function toEndpointTestResult(outcome: TargetOutcome) {
  return outcome.ok
    ? {
        ok: true,
        latency_ms: outcome.latencyMs,
        http_status: outcome.httpStatus,
        response_excerpt: outcome.text.slice(0, 500),
        error: null,
      }
    : {
        ok: false,
        latency_ms: outcome.latencyMs,
        http_status: outcome.httpStatus,
        response_excerpt: null,
        error: outcome.error,
      };
}
