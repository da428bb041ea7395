// One attempt of a probe against a target: its payload rendered with the attempt's canary,
// transformed (a strategy, an adaptive mutation) and sent, a scripted conversation turn by turn with
// the target's real answers in the history (a `new_session` step starts a fresh conversation, so
// whatever reaches it came from the target's own memory); then judged with everything the target
// did (its text and the tool calls it emitted).

import { type ConversationStep, lastStepText, type Probe } from "../catalogue/probes/types.ts";
import { renderTemplate } from "../catalogue/render-payload.ts";
import type { MetaCalibration } from "../judges/learned/judge-model.ts";
import { type Judge, type JudgeVote, judgeResponse, type MetaVerdict } from "../judges/panel.ts";
import type { RunnerOutcome, TargetRunner } from "../targets/target-runner.ts";
import type { ChatMessage, ToolCall } from "../targets/wire-formats.ts";

export interface AttemptSpec {
  probe: Probe;
  variantIndex: number;
  canary: string;
  /** Rewrites the last step's rendered text (a strategy, a mutation); the canary is already in it. */
  transform?: (text: string) => string;
  /** Replaces the variant's template (adaptive search sends templates the library does not hold). */
  template?: string;
  /** Turns sent before the attempt's own (adaptive search's "expand": a benign opening turn). */
  opening?: string[];
}

/** What a stored attempt keeps beyond its prompt and answer. */
export interface AttemptConversation {
  /** Every message exchanged, the target's tool calls included. */
  messages: ChatMessage[];
  /** Adaptive search: the operators that turned the probe's variant into the prompt sent, oldest first. */
  lineage?: string[];
  /** Adaptive search: tries sent before it stopped. */
  tries?: number;
  /** Cross-session probes: where in `messages` each fresh conversation after the first begins. */
  session_starts?: number[];
}

export interface SentAttempt {
  /** The last outcome: the answer that is judged, or the error that ended the conversation. */
  outcome: RunnerOutcome;
  /** The text of the attempt's last step as sent. */
  prompt: string;
  /**
   * The whole transcript, the target's last answer included when there was one: every session's
   * messages in order (`sessions.flat()`).
   */
  messages: ChatMessage[];
  /**
   * The transcript split at the probe's `new_session` steps: each the conversation the target saw,
   * none carrying an earlier one's messages. One entry for an attempt without a session boundary.
   */
  sessions: ChatMessage[][];
  /** Requests made, retries included. */
  requests: number;
}

/** The steps of one attempt before rendering: a conversation, or the single user turn of a variant. */
export function attemptSteps(spec: AttemptSpec): ConversationStep[] {
  const { probe, variantIndex } = spec;
  const conversation = spec.template === undefined ? probe.conversations?.[variantIndex] : undefined;
  const template = spec.template ?? probe.variants[variantIndex];
  if (!conversation && template === undefined)
    throw new RangeError(`probe ${probe.id} has no variant ${variantIndex} (it has ${probe.variants.length})`);
  const steps: ConversationStep[] = conversation ? [...conversation] : [{ user: template! }];
  // The last step is what the target answers and the judges read: a session boundary there has nothing to send.
  if (steps.length && "new_session" in steps.at(-1)!)
    throw new RangeError(`probe ${probe.id} variant ${variantIndex} ends with a new_session step`);
  return [...(spec.opening ?? []).map((user) => ({ user })), ...steps];
}

/** The last step's rendered, transformed text: the attempt's prompt. */
export function renderAttemptPrompt(spec: AttemptSpec): string {
  const text = renderTemplate(lastStepText(attemptSteps(spec)), spec.canary);
  return spec.transform ? spec.transform(text) : text;
}

export async function sendAttempt(runner: TargetRunner, spec: AttemptSpec, signal?: AbortSignal): Promise<SentAttempt> {
  const steps = attemptSteps(spec);
  const tools = spec.probe.tools ?? [];
  // `messages` is the current session's conversation: the only one a request carries.
  let messages: ChatMessage[] = [];
  const sessions: ChatMessage[][] = [messages];
  let requests = 0;
  let prompt = "";
  const result = (outcome: RunnerOutcome): SentAttempt => ({
    outcome,
    prompt,
    messages: sessions.flat(),
    sessions,
    requests,
  });
  const unanswered = () => messages.length > 0 && messages.at(-1)!.role !== "assistant";
  const send = async (): Promise<RunnerOutcome> => {
    const outcome = await runner.sendConversation(messages, { signal, tools });
    requests += outcome.attempts;
    if (outcome.ok)
      messages.push({
        role: "assistant",
        content: outcome.text,
        ...(outcome.toolCalls.length ? { tool_calls: outcome.toolCalls } : {}),
      });
    return outcome;
  };
  for (const [index, step] of steps.entries()) {
    const isLast = index === steps.length - 1;
    if ("new_session" in step) {
      // The ending session's last turn is answered there (a target may only remember what it answered).
      if (unanswered()) {
        const outcome = await send();
        if (!outcome.ok) return result(outcome);
      }
      if (messages.length) {
        messages = [];
        sessions.push(messages);
      }
      continue;
    }
    // The target answers before each new user turn: that answer is part of the conversation.
    if ("user" in step && unanswered()) {
      const outcome = await send();
      if (!outcome.ok) return result(outcome);
    }
    let text = renderTemplate("user" in step ? step.user : step.tool_result.result, spec.canary);
    if (isLast && spec.transform) text = spec.transform(text);
    prompt = text;
    if ("user" in step) {
      // Providers refuse a conversation whose tool calls have no results: the target's own calls
      // of the turn before get one, saying that nothing ran.
      const last = messages.at(-1);
      if (last?.role === "assistant")
        for (const call of last.tool_calls ?? [])
          messages.push({ role: "tool", tool_call_id: call.id, name: call.name, content: NOT_RUN });
      messages.push({ role: "user", content: text });
    } else {
      const id = `call_${index}`;
      const { tool, arguments: args = {} } = step.tool_result;
      messages.push({
        role: "assistant",
        content: "",
        tool_calls: [{ id, name: tool, arguments: args }],
        scripted: true,
      });
      messages.push({ role: "tool", tool_call_id: id, name: tool, content: text });
    }
  }
  return result(await send());
}

/** Messages as a transcript: one line per message, its role first, tool calls and results named. */
export function conversationText(messages: readonly ChatMessage[]): string {
  return messages
    .map((message) =>
      message.role === "tool"
        ? `tool ${message.name} returned: ${message.content}`
        : `${message.role}: ${answerText(message.content, message.role === "assistant" ? (message.tool_calls ?? []) : [])}`,
    )
    .join("\n");
}

/** The messages before the attempt's prompt (its last user message or tool result) and the answer to it. */
export function messagesBefore(messages: readonly ChatMessage[]): ChatMessage[] {
  const prompt = messages.findLastIndex((message) => message.role === "user" || message.role === "tool");
  return messages.slice(0, Math.max(0, prompt));
}

/** The result given for a tool call the target made mid-conversation: a security test runs no tool. */
export const NOT_RUN = "(not run: this conversation is a security test and executes no tools)";

/** The answer as judges and reports read it: the text, then one line per tool call the target made. */
export function answerText(text: string, toolCalls: readonly ToolCall[]): string {
  const calls = toolCalls.map(
    (call) =>
      `[tool call] ${call.name}(${typeof call.arguments === "string" ? call.arguments : JSON.stringify(call.arguments ?? {})})`,
  );
  return [text, ...calls].filter(Boolean).join("\n");
}

/** The panel's verdict on an answered attempt, with the tool calls as structural evidence. */
export function judgeAttempt(
  judges: readonly Judge[],
  probe: Probe,
  attempt: {
    prompt: string;
    canary: string;
    text: string;
    toolCalls: readonly ToolCall[];
    /** The messages before the attack prompt, for judges that read the conversation. */
    earlier?: readonly ChatMessage[];
  },
  calibration?: MetaCalibration,
): Promise<{ votes: JudgeVote[]; meta: MetaVerdict }> {
  return judgeResponse(
    judges,
    {
      probe,
      prompt: attempt.prompt,
      response: answerText(attempt.text, attempt.toolCalls),
      ...(attempt.earlier?.length ? { earlier: conversationText(attempt.earlier) } : {}),
      context: {
        canary: attempt.canary,
        knownSecrets: [],
        systemPromptFragments: [],
        prompt: attempt.prompt,
        premiseTerms: probe.premise_terms ?? [],
        toolCalls: [...attempt.toolCalls],
        forbiddenTools: probe.forbidden_tools ?? [],
      },
    },
    calibration,
  );
}
