// Which slots of the default judge panel are replaced by LLM judges, read from one environment
// variable holding JSON. Configuration mistakes stop startup with a one-line message naming the
// field, rather than surfacing later as a panel that quietly votes "uncertain".
import { z } from "zod";
import type { GuardPolicy } from "../targets/address-guard.ts";
import { assertUrlAllowed } from "../targets/http-client.ts";
import { createLlmJudge, type LlmJudgeOptions } from "./llm-judge.ts";
import type { Judge } from "./panel.ts";

export const JUDGE_CONFIG_ENV = "PENAXTRA_JUDGES";
export const JUDGE_SLOTS = ["detector", "refusal", "goal"] as const;
export type JudgeSlot = (typeof JUDGE_SLOTS)[number];

export type LlmJudgeSpec = Omit<LlmJudgeOptions, "policy">;
export type JudgeOverrides = Partial<Record<JudgeSlot, LlmJudgeSpec>>;

// Strict objects: a misspelt field (e.g. "api_key") must fail, not be silently ignored.
const slotSchema = z.strictObject({
  provider: z.enum(["openai", "anthropic"]),
  url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }),
  model: z.string().trim().min(1, "must be a non-empty string"),
  // Required, so that leaving out a key is a decision: null means the server needs no auth.
  api_key_env: z.string().min(1, "must name an environment variable").nullable(),
  name: z.string().trim().min(1, "must be a non-empty string").optional(),
  timeout_ms: z.number().int().positive().max(600_000).optional(),
  max_response_chars: z.number().int().positive().optional(),
});

const configSchema = z.strictObject({
  detector: slotSchema.optional(),
  refusal: slotSchema.optional(),
  goal: slotSchema.optional(),
});

function configError(detail: string): Error {
  return new Error(`${JUDGE_CONFIG_ENV}: ${detail}`);
}

const REQUIRED = "is required";
// zod's default for a missing field ("expected string, received undefined") hides the point.
const requiredMessage = (issue: { input?: unknown }) => (issue.input === undefined ? REQUIRED : undefined);

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join(".");
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys.map((key) => `"${key}"`).join(", ");
    return path
      ? `${path}: unknown field ${keys}`
      : `unknown judge slot ${keys} (expected one of ${JUDGE_SLOTS.join(", ")})`;
  }
  if (issue.message === REQUIRED && issue.path.at(-1) === "api_key_env")
    return `${path}: ${REQUIRED} (the variable holding the API key, or null for a server without auth)`;
  return `${path || "top level"}: ${issue.message}`;
}

/** Parses the JSON value of PENAXTRA_JUDGES; unset or blank means no overrides. */
export function parseJudgeConfig(raw: string | undefined, env: Record<string, string | undefined>): JudgeOverrides {
  if (raw === undefined || raw.trim() === "") return {};
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw configError(`not valid JSON (${(error as Error).message})`);
  }
  const parsed = configSchema.safeParse(json, { error: requiredMessage });
  if (!parsed.success) throw configError(describeIssue(parsed.error.issues[0]!));

  const overrides: JudgeOverrides = {};
  for (const slot of JUDGE_SLOTS) {
    const spec = parsed.data[slot];
    if (!spec) continue;
    let apiKey: string | null = null;
    if (spec.api_key_env !== null) {
      apiKey = env[spec.api_key_env]?.trim() || null;
      // The variable's name is safe to print; its value never is.
      if (!apiKey) throw configError(`${slot}.api_key_env: environment variable ${spec.api_key_env} is not set`);
    }
    overrides[slot] = {
      provider: spec.provider,
      url: spec.url,
      model: spec.model,
      apiKey,
      ...(spec.name !== undefined && { name: spec.name }),
      ...(spec.timeout_ms !== undefined && { timeoutMs: spec.timeout_ms }),
      ...(spec.max_response_chars !== undefined && { maxResponseChars: spec.max_response_chars }),
    };
  }
  return overrides;
}

/**
 * The panel in slot order (detector, refusal, goal) with configured slots replaced by LLM judges.
 * A judge URL the SSRF policy refuses outright (metadata host, literal private address) fails here,
 * at startup, instead of on every vote.
 */
export function buildJudgePanel(
  defaults: Record<JudgeSlot, Judge>,
  overrides: JudgeOverrides,
  policy: GuardPolicy,
): Judge[] {
  return JUDGE_SLOTS.map((slot) => {
    const spec = overrides[slot];
    if (!spec) return defaults[slot];
    try {
      assertUrlAllowed(spec.url, policy);
    } catch (error) {
      throw configError(`${slot}.url: ${(error as Error).message}`);
    }
    return createLlmJudge({ ...spec, policy });
  });
}
