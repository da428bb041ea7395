// An endpoint row as the engine's TargetConfig: the auth secret is decrypted only here, in memory,
// for the duration of the requests that need it.
import type { z } from "@hono/zod-openapi";
import type { HttpTemplate, RunnerLimits, TargetConfig, WireFormat } from "@penaxtra/engine";
import type { endpoints } from "../db/schema.ts";
import type { EndpointLimitsSchema } from "../generated/contract.ts";
import type { SecretBox } from "../security/secret-box.ts";

type EndpointLimits = z.output<typeof EndpointLimitsSchema>;

/** What sending to an endpoint needs of its row. */
export type EndpointTargetRow = Pick<
  typeof endpoints.$inferSelect,
  "tenantId" | "url" | "wireFormat" | "model" | "authHeader" | "authSecretEncrypted" | "httpTemplate" | "limits"
> &
  Partial<Pick<typeof endpoints.$inferSelect, "tools">>;

export function endpointTargetConfig(
  row: EndpointTargetRow,
  secretBox: SecretBox,
  options: { maxTimeoutMs?: number } = {},
): TargetConfig {
  const limits = row.limits as EndpointLimits;
  return {
    url: row.url,
    wireFormat: row.wireFormat as WireFormat,
    model: row.model,
    authHeader: row.authHeader,
    authSecret: row.authSecretEncrypted ? secretBox.open(row.authSecretEncrypted, row.tenantId) : null,
    httpTemplate: row.httpTemplate as HttpTemplate | null,
    timeoutMs: Math.min(limits.timeout_ms, options.maxTimeoutMs ?? Infinity),
    tools: row.tools ?? [],
  };
}

export function endpointRunnerLimits(row: Pick<EndpointTargetRow, "limits">): RunnerLimits {
  const limits = row.limits as EndpointLimits;
  return {
    concurrency: limits.concurrency,
    requestsPerMinute: limits.requests_per_minute,
    maxRetries: limits.max_retries,
  };
}
