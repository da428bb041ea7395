// The judge panel a worker uses: the three offline judges, with any slot swapped for an LLM judge
// by PENAXTRA_JUDGES; and the attacker model of PENAXTRA_ATTACKER. Judge URLs come from the operator, not from tenants, so private addresses
// (a self-hosted model) are allowed; cloud metadata addresses stay refused.
import {
  type AttackerModel,
  buildJudgePanel,
  detectorJudge,
  goalJudge,
  type Judge,
  parseAttackerConfig,
  parseJudgeConfig,
  refusalJudge,
} from "@penaxtra/engine";
import type { ServerConfig } from "../config.ts";

export function judgePanel(
  config: Pick<ServerConfig, "judges">,
  env: Record<string, string | undefined> = process.env,
): Judge[] {
  const overrides = parseJudgeConfig(config.judges ?? undefined, env);
  return buildJudgePanel({ detector: detectorJudge, refusal: refusalJudge, goal: goalJudge }, overrides, {
    allowPrivate: true,
  });
}

/** The attacker model of PENAXTRA_ATTACKER, or null; a bad value stops start-up like PENAXTRA_JUDGES. */
export function attackerModel(
  config: Pick<ServerConfig, "attacker">,
  env: Record<string, string | undefined> = process.env,
): AttackerModel | null {
  return parseAttackerConfig(config.attacker, env, { allowPrivate: true });
}
