// Sends prompts to one endpoint within its limits: at most `concurrency` in flight, at most
// `requestsPerMinute` started per minute, and retries with jittered backoff that honour Retry-After.
// A request that still fails is returned as an error outcome, never as an answer.

import { sendPrompt, type TargetConfig, type TargetOutcome } from "./adapters.ts";
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

  async send(prompt: string, signal?: AbortSignal): Promise<RunnerOutcome> {
    let attempts = 0;
    for (;;) {
      attempts++;
      const outcome = await this.oneAttempt(prompt, signal);
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
  private async oneAttempt(prompt: string, signal?: AbortSignal): Promise<TargetOutcome> {
    await this.limiter.acquire(signal);
    try {
      return await sendPrompt(this.config, prompt, this.policy, signal);
    } finally {
      this.limiter.release();
    }
  }
}
