// One planned attempt of a scan batch, sent and judged: the variant as written, under a strategy
// (offline, or a translation by the attacker model), or as the probe's adaptive search. Its result
// goes to the batch's recorder with what a single message cannot show (the conversation, the tool
// calls, an adaptive prompt's lineage).
import {
  type AttemptConversation,
  adaptiveSearch,
  answerText,
  judgeAttempt,
  makeCanary,
  messagesBefore,
  OFFLINE_STRATEGIES,
  type Probe,
  probes,
  renderAttemptPrompt,
  type SentAttempt,
  sendAttempt,
  type TargetRunner,
} from "@penaxtra/engine";
import { attemptsTotal, judgeLatency, targetLatency } from "../metrics/metrics.ts";
import { ADAPTIVE } from "../scans/plan.ts";
import type { AttemptResult } from "./attempt-recorder.ts";
import type { WorkerDeps } from "./worker-deps.ts";

const MAX_STORED_RESPONSE_CHARS = 100_000;

export const strategiesById = new Map(OFFLINE_STRATEGIES.map((strategy) => [strategy.id, strategy]));
// Adaptive search's crossover donors: every single-message template of a category.
const templatesByCategory = new Map<string, string[]>();
for (const probe of probes)
  if (!probe.conversations && !probe.requires)
    templatesByCategory.set(probe.category, [...(templatesByCategory.get(probe.category) ?? []), ...probe.variants]);

/** An attempt about to be sent: what its recorded row will carry, and its probe. */
export type PlannedSend = Pick<
  AttemptResult,
  "id" | "tenant_id" | "scan_id" | "batch" | "probe_id" | "variant_index" | "strategy" | "canary" | "prompt"
> & { probe: Probe | null };

/** The scan's adaptive settings and the tenant's threshold, for adaptive attempts. */
export interface AttackSettings {
  adaptive: { attempts_per_probe: number; max_tokens?: number; seed: number } | null;
  threshold: number;
}

export const languageOf = (strategy: string) =>
  strategy.startsWith("language:") ? strategy.slice("language:".length) : null;

/**
 * The rewrite of the attempt's last message: an offline strategy's, or the attacker model's
 * translation for `language:<code>` (done before sending, so the send path stays synchronous).
 */
async function strategyTransform(
  deps: WorkerDeps,
  probe: Probe,
  planned: PlannedSend,
  canary: string,
): Promise<((text: string) => string) | undefined> {
  if (!planned.strategy) return undefined;
  const offline = strategiesById.get(planned.strategy);
  if (offline) return (text) => offline.apply(text, canary);
  const language = languageOf(planned.strategy);
  if (language === null) return undefined;
  // Accepted at creation only with an attacker model; a worker started without one cannot translate.
  if (!deps.attacker) throw new Error(`${planned.strategy} needs an attacker model (PENAXTRA_ATTACKER)`);
  const original = renderAttemptPrompt({ probe, variantIndex: planned.variant_index, canary });
  const translated = await deps.attacker.translate(original, language, canary).catch((error: unknown) => {
    throw new AttackerFailed(error);
  });
  return () => translated;
}

/**
 * The attacker model failed (unreachable, an error answer, an unusable reply): the attempt was never
 * sent, and the target is not to blame. The provider's own words stay in the worker's log: they are
 * the operator's, not the tenant's.
 */
class AttackerFailed extends Error {
  constructor(cause: unknown) {
    super("the attacker model failed; the worker's log has the details", { cause });
  }
}

/** Where each session after the first begins in the flattened messages. */
function sessionStarts(sessions: ReadonlyArray<readonly unknown[]>): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const session of sessions.slice(0, -1)) {
    at += session.length;
    starts.push(at);
  }
  return starts;
}

/** A seed per attempt: the scan's seed, varied by probe and variant so that probes search differently. */
function attemptSeed(seed: number, probeId: string, variantIndex: number): number {
  let hash = seed >>> 0;
  for (const char of `${probeId}:${variantIndex}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return hash;
}

export async function runAttempt(
  deps: WorkerDeps,
  runner: TargetRunner,
  record: (result: AttemptResult) => void,
  planned: PlannedSend,
  probe: Probe,
  signal: AbortSignal,
  settings: AttackSettings,
): Promise<void> {
  let sent: SentAttempt;
  let canary = planned.canary;
  let lineage: string[] | undefined;
  let tries: number | undefined;
  // The whole search's requests, not only the best try's.
  let searchRequests: number | undefined;
  let judged: Awaited<ReturnType<typeof judgeAttempt>> | null = null;
  try {
    if (planned.strategy === ADAPTIVE) {
      const result = await adaptiveSearch({
        runner,
        judges: deps.judges,
        probe,
        variantIndex: planned.variant_index,
        donors: (templatesByCategory.get(probe.category) ?? []).filter(
          (template) => !probe.variants.includes(template),
        ),
        makeCanary,
        attacker: deps.attacker,
        options: {
          maxTries: settings.adaptive?.attempts_per_probe ?? 1,
          seed: attemptSeed(settings.adaptive?.seed ?? 0, probe.id, planned.variant_index),
          threshold: settings.threshold,
          // Scans from before the token budget had none.
          ...(settings.adaptive?.max_tokens ? { maxTokens: settings.adaptive.max_tokens } : {}),
        },
        signal,
      });
      ({ sent, canary, lineage } = result.best);
      tries = result.tries;
      searchRequests = result.requests;
      if (result.best.meta) judged = { votes: result.best.votes!, meta: result.best.meta };
    } else {
      const transform = await strategyTransform(deps, probe, planned, canary);
      sent = await sendAttempt(
        runner,
        { probe, variantIndex: planned.variant_index, canary, ...(transform ? { transform } : {}) },
        signal,
      );
    }
  } catch (error) {
    if (signal.aborted) return;
    // One attempt that cannot be made (an attacker model that failed, a payload that does not render)
    // is an errored attempt, never a failed batch: that would send its siblings again on the retry.
    const { probe: _unused, ...attempt } = planned;
    const message = (error as Error).message.slice(0, 300);
    deps.log.warn(
      {
        scan_id: planned.scan_id,
        probe_id: planned.probe_id,
        err: error instanceof AttackerFailed ? error.cause : error,
      },
      "attempt could not be made",
    );
    attemptsTotal.inc({ outcome: "errored" });
    record({
      ...attempt,
      status: "errored",
      error: `${error instanceof AttackerFailed ? "attacker_failed" : "attempt_failed"}: ${message}`,
      http_status: null,
      latency_ms: 0,
      requests: 0,
      completed_at: new Date().toISOString(),
    });
    return;
  }
  // An aborted request says nothing about the target: leave the attempt unrecorded.
  if (signal.aborted) return;

  const { outcome } = sent;
  const { probe: _probe, ...attempt } = planned;
  const completed_at = new Date().toISOString();
  const outcomeLabel = { outcome: outcome.ok ? "answered" : "errored" };
  attemptsTotal.inc(outcomeLabel);
  targetLatency.observe(outcomeLabel, outcome.latencyMs / 1000);
  // Only what a single message cannot show is kept: the turns of a conversation, the tool calls, an
  // adaptive prompt's lineage.
  const conversation: AttemptConversation | null =
    sent.messages.length > 2 || (outcome.ok && outcome.toolCalls.length) || lineage
      ? {
          messages: sent.messages,
          ...(lineage ? { lineage, tries } : {}),
          ...(sent.sessions.length > 1 ? { session_starts: sessionStarts(sent.sessions) } : {}),
        }
      : null;
  const shared = {
    ...attempt,
    canary,
    prompt: sent.prompt || renderAttemptPrompt({ probe, variantIndex: planned.variant_index, canary }),
    http_status: outcome.httpStatus,
    latency_ms: outcome.latencyMs,
    requests: searchRequests ?? sent.requests,
    conversation,
    completed_at,
  };
  if (!outcome.ok) {
    record({ ...shared, status: "errored", error: `${outcome.error}: ${outcome.message}` });
    return;
  }

  // Judged as stored: the first MAX_STORED_RESPONSE_CHARS of the answer (its tool calls included).
  const answer = answerText(outcome.text, outcome.toolCalls).slice(0, MAX_STORED_RESPONSE_CHARS);
  const judging = judgeLatency.startTimer();
  judged ??= await judgeAttempt(deps.judges, probe, {
    earlier: messagesBefore(sent.messages),
    prompt: sent.prompt,
    canary,
    text: outcome.text.slice(0, MAX_STORED_RESPONSE_CHARS),
    toolCalls: outcome.toolCalls,
  });
  judging();
  record({
    ...shared,
    status: "answered",
    response: answer,
    verdict: judged.meta.verdict,
    confidence: judged.meta.confidence,
    votes: { judges: judged.votes, meta: judged.meta },
  });
}
