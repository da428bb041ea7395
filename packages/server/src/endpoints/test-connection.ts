// POST /endpoints/{id}/test: one benign prompt, to see whether and how the endpoint answers.
import { type GuardPolicy, sendPrompt, type TargetOutcome } from "@penaxtra/engine";
import type { SecretBox } from "../security/secret-box.ts";
import { endpointTargetConfig } from "../targets/endpoint-target.ts";
import type { EndpointRow } from "./present.ts";

const TEST_PROMPT = "This is a connectivity check. Reply with the single word: pong";

export function sendTestPrompt(
  deps: { secretBox: SecretBox; targetPolicy: GuardPolicy },
  row: EndpointRow,
): Promise<TargetOutcome> {
  return sendPrompt(
    endpointTargetConfig(row, deps.secretBox, { maxTimeoutMs: 30_000 }),
    TEST_PROMPT,
    deps.targetPolicy,
  );
}
