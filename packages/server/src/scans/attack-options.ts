// What POST /scans may ask for beyond its probes: strategies applied to every variant and an
// adaptive search per probe. Checked here so that a bad name is a 400 naming it, never a failed scan.
import type { z } from "@hono/zod-openapi";
import { OFFLINE_STRATEGIES, parseStrategy } from "@penaxtra/engine";
import { badRequest } from "../errors/api-error.ts";
import type { ScanCreateSchema } from "../generated/contract.ts";

type ScanCreate = z.output<typeof ScanCreateSchema>;

export interface AttackOptions {
  strategies: string[];
  adaptive: { attempts_per_probe: number; max_tokens: number; seed: number } | null;
}

/** 400 invalid_strategies for unknown names; 400 attacker_not_configured for those that need a model. */
export function attackOptions(
  body: Pick<ScanCreate, "strategies" | "adaptive">,
  attackerConfigured: boolean,
  random: () => number = Math.random,
): AttackOptions {
  const strategies = [...new Set((body.strategies ?? []).map((name) => name.trim()))];
  const parsed = strategies.map((name) => ({ name, parsed: parseStrategy(name) }));
  const unknown = parsed.filter(({ parsed }) => "error" in parsed);
  if (unknown.length)
    throw badRequest("invalid_strategies", {
      unknown_strategies: unknown.map(({ name }) => name),
      known_strategies: [...OFFLINE_STRATEGIES.map((strategy) => strategy.id), "language:<code>"],
      message: unknown.map(({ parsed }) => (parsed as { error: string }).error).join("; "),
    });
  const needsAttacker = parsed.filter(({ parsed }) => "kind" in parsed && parsed.kind === "language");
  if (needsAttacker.length && !attackerConfigured)
    throw badRequest("attacker_not_configured", {
      needs_attacker: needsAttacker.map(({ name }) => name),
      message: "language strategies translate the payload with an attacker model: set PENAXTRA_ATTACKER",
    });
  const adaptive = body.adaptive
    ? {
        attempts_per_probe: body.adaptive.attempts_per_probe,
        max_tokens: body.adaptive.max_tokens ?? 20_000,
        seed: body.adaptive.seed ?? Math.floor(random() * 2 ** 32),
      }
    : null;
  return { strategies, adaptive };
}
