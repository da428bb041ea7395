// Wire formats of LLM endpoints: how a prompt becomes a request and a response becomes text.
import type { GuardPolicy } from "./address-guard.ts";
import { TargetNotAllowedError } from "./address-guard.ts";
import { requestTarget, TargetTimeoutError } from "./http-client.ts";
import {
  anthropicMessagesBody,
  type ChatMessage,
  chatCompletionsBody,
  extractAnswer,
  type HttpTemplate,
  type ToolCall,
  type ToolSpec,
  templateBody,
  type WireFormat,
} from "./wire-formats.ts";

export type { ChatMessage, HttpTemplate, TargetAnswer, ToolCall, ToolSpec, WireFormat } from "./wire-formats.ts";
export { readPath } from "./wire-formats.ts";

export interface TargetConfig {
  url: string;
  wireFormat: WireFormat;
  model: string | null;
  authHeader: string | null;
  authSecret: string | null;
  httpTemplate: HttpTemplate | null;
  timeoutMs: number;
  /** Functions the endpoint declares (chat_completions_v1, anthropic_messages_v1): sent with every request. */
  tools?: ToolSpec[];
}

export type TargetErrorSlug = "target_not_allowed" | "timeout" | "http_error" | "bad_response" | "connection_failed";

export type TargetOutcome =
  | { ok: true; text: string; toolCalls: ToolCall[]; httpStatus: number; latencyMs: number }
  | {
      ok: false;
      error: TargetErrorSlug;
      message: string;
      httpStatus: number | null;
      latencyMs: number;
      retryAfterSeconds?: number;
    };

function authHeaders(config: TargetConfig): Record<string, string> {
  if (!config.authSecret) return {};
  const header = config.authHeader ?? "Authorization";
  const value =
    header.toLowerCase() === "authorization" && !/^\w+ /.test(config.authSecret)
      ? `Bearer ${config.authSecret}`
      : config.authSecret;
  return { [header]: value };
}

function buildRequest(
  config: TargetConfig,
  messages: ChatMessage[],
  extraTools: ToolSpec[],
): { body: string; headers: Record<string, string>; method: string } {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    accept: "application/json",
    ...authHeaders(config),
  };
  const tools = [...(config.tools ?? []), ...extraTools];
  switch (config.wireFormat) {
    case "chat_completions_v1":
      return { method: "POST", headers, body: JSON.stringify(chatCompletionsBody(config.model, messages, tools)) };
    case "anthropic_messages_v1":
      return {
        method: "POST",
        headers: { "anthropic-version": "2023-06-01", ...headers },
        body: JSON.stringify(anthropicMessagesBody(config.model, messages, tools)),
      };
    case "http_template_v1": {
      const template = config.httpTemplate;
      if (!template) throw new TypeError("http_template_v1 needs http_template");
      return {
        method: template.method ?? "POST",
        headers: { ...headers, ...template.headers },
        body: templateBody(template, messages),
      };
    }
  }
}

/** One user message, as most probes send. */
export function sendPrompt(
  config: TargetConfig,
  prompt: string,
  policy: GuardPolicy,
  signal?: AbortSignal,
): Promise<TargetOutcome> {
  return sendConversation(config, [{ role: "user", content: prompt }], policy, { signal });
}

/**
 * A whole conversation (earlier turns, tool results) in one request; `tools` are declared in
 * addition to the endpoint's own.
 */
export async function sendConversation(
  config: TargetConfig,
  messages: ChatMessage[],
  policy: GuardPolicy,
  options: { signal?: AbortSignal; tools?: ToolSpec[] } = {},
): Promise<TargetOutcome> {
  const { signal } = options;
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const { body, headers, method } = buildRequest(config, messages, options.tools ?? []);
    const response = await requestTarget(
      { url: config.url, method, headers, body, timeoutMs: config.timeoutMs, signal },
      policy,
    );
    if (response.status < 200 || response.status >= 300) {
      const retryAfter = Number(response.headers["retry-after"]);
      return {
        ok: false,
        error: "http_error",
        message: `target answered HTTP ${response.status}`,
        httpStatus: response.status,
        latencyMs: elapsed(),
        ...(Number.isFinite(retryAfter) ? { retryAfterSeconds: retryAfter } : {}),
      };
    }
    let json: unknown;
    try {
      json = JSON.parse(response.body);
    } catch {
      return {
        ok: false,
        error: "bad_response",
        message: "target answered with invalid JSON",
        httpStatus: response.status,
        latencyMs: elapsed(),
      };
    }
    const answer = extractAnswer(config.wireFormat, json, config.httpTemplate);
    if (answer === undefined) {
      return {
        ok: false,
        error: "bad_response",
        message: `no answer text in the ${config.wireFormat} response`,
        httpStatus: response.status,
        latencyMs: elapsed(),
      };
    }
    return { ok: true, ...answer, httpStatus: response.status, latencyMs: elapsed() };
  } catch (error) {
    if (error instanceof TargetNotAllowedError)
      return { ok: false, error: "target_not_allowed", message: error.message, httpStatus: null, latencyMs: elapsed() };
    if (error instanceof TargetTimeoutError)
      return { ok: false, error: "timeout", message: error.message, httpStatus: null, latencyMs: elapsed() };
    if (error instanceof TypeError)
      return { ok: false, error: "target_not_allowed", message: error.message, httpStatus: null, latencyMs: elapsed() };
    return {
      ok: false,
      error: "connection_failed",
      message: (error as Error).message,
      httpStatus: null,
      latencyMs: elapsed(),
    };
  }
}
