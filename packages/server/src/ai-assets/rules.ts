// What an ai-asset must satisfy beyond its schema.
import type { GuardPolicy } from "@penaxtra/engine";
import { badRequest } from "../errors/api-error.ts";
import { checkTargetUrl } from "../security/check-target-url.ts";
import type { RagAssetConfig } from "./present.ts";
import { scheduleProblem } from "./schedule.ts";

/** Each URL of a RAG pipeline passes the same SSRF check as an endpoint's; errors name `config.<field>`. */
export async function checkConfigUrls(
  config: Pick<RagAssetConfig, "ingest_url" | "query_url" | "delete_url">,
  policy: GuardPolicy,
) {
  for (const field of ["ingest_url", "query_url", "delete_url"] as const)
    await checkTargetUrl(config[field], policy, `config.${field}`);
}

// The pattern in openapi.yaml only checks for five fields; graphile-worker's parser decides.
export function checkSchedule(schedule: string | null | undefined) {
  const problem = schedule ? scheduleProblem(schedule) : null;
  if (problem) throw badRequest("invalid_request", { issues: [{ path: "schedule", message: problem }] });
}
