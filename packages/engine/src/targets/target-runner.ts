// Sends prompts to one endpoint within its limits: at most `concurrency` in flight, at most
// `requestsPerMinute` started per minute, and retries with jittered backoff that honour Retry-After.
// A request that still fails is returned as an error outcome, never as an answer.

import {
  type ChatMessage,
  sendConversation,
  type TargetConfig,
  type TargetOutcome,
  type ToolSpec,
} from "./adapters.ts";
import type { GuardPolicy } from "./address-guard.ts";
import { LocalLimiter, type SendLimiter, sleep } from "./send-limiter.ts";

export interface RunnerLimits {
  concurrency: number;
  requestsPerMinute: number;
  maxRetries: number;
}

export type RunnerOutcome = TargetOutcome & { attempts: number };

export interface RunnerOptions {
  /** First backoff step; doubles per retry up to maxBackoffMs. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** Longest Retry-After honoured; longer asks are capped so a scan cannot stall for hours. */
  maxRetryAfterMs?: number;
  random?: () => number;
  /** Admission control shared with other runners; by default the limits apply to this runner alone. */
  limiter?: SendLimiter;
}

function isRetryable(outcome: TargetOutcome): boolean {
  if (outcome.ok) return false;
  if (outcome.error === "timeout" || outcome.error === "connection_failed") return true;
  if (outcome.error === "http_error")
    return outcome.httpStatus === 429 || outcome.httpStatus === 408 || (outcome.httpStatus ?? 0) >= 500;
  return false;
}

export class TargetRunner {
  private readonly limiter: SendLimiter;

  constructor(
    private readonly config: TargetConfig,
    private readonly limits: RunnerLimits,
    private readonly policy: GuardPolicy,
    private readonly options: RunnerOptions = {},
  ) {
    this.limiter = options.limiter ?? new LocalLimiter(limits.concurrency, limits.requestsPerMinute);
  }

  send(prompt: string, signal?: AbortSignal): Promise<RunnerOutcome> {
    return this.sendConversation([{ role: "user", content: prompt }], { signal });
  }

  /** The conversation so far in one request (a multi-turn probe sends one per turn). */
  async sendConversation(
    messages: ChatMessage[],
    options: { signal?: AbortSignal; tools?: ToolSpec[] } = {},
  ): Promise<RunnerOutcome> {
    const { signal } = options;
    let attempts = 0;
    for (;;) {
      attempts++;
      const outcome = await this.oneAttempt(messages, options);
      if (!isRetryable(outcome) || attempts > this.limits.maxRetries) return { ...outcome, attempts };
      await sleep(this.backoffMs(attempts, outcome), signal);
    }
  }

  private backoffMs(attempt: number, outcome: TargetOutcome): number {
    const maxRetryAfter = this.options.maxRetryAfterMs ?? 60_000;
    if (!outcome.ok && outcome.retryAfterSeconds !== undefined)
      return Math.min(outcome.retryAfterSeconds * 1000, maxRetryAfter);
    const ceiling = Math.min(
      this.options.maxBackoffMs ?? 10_000,
      (this.options.baseBackoffMs ?? 250) * 2 ** (attempt - 1),
    );
    return Math.round(ceiling * (0.5 + (this.options.random ?? Math.random)() / 2));
  }

  // The slot is held for one request only: backoff sleeps leave it free for other prompts.
  private async oneAttempt(
    messages: ChatMessage[],
    options: { signal?: AbortSignal; tools?: ToolSpec[] },
  ): Promise<TargetOutcome> {
    await this.limiter.acquire(options.signal);
    try {
      return await sendConversation(this.config, messages, this.policy, options);
    } finally {
      this.limiter.release();
    }
  }
}
