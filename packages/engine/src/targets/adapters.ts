// Wire formats of LLM endpoints: how a prompt becomes a request and a response becomes text.
import type { GuardPolicy } from "./address-guard.ts";
import { TargetNotAllowedError } from "./address-guard.ts";
import { requestTarget, TargetTimeoutError } from "./http-client.ts";

export type WireFormat = "chat_completions_v1" | "anthropic_messages_v1" | "http_template_v1";

export interface HttpTemplate {
  method?: "POST" | "PUT";
  body_template: string;
  response_path: string;
  headers?: Record<string, string>;
}

export interface TargetConfig {
  url: string;
  wireFormat: WireFormat;
  model: string | null;
  authHeader: string | null;
  authSecret: string | null;
  httpTemplate: HttpTemplate | null;
  timeoutMs: number;
}

export type TargetErrorSlug = "target_not_allowed" | "timeout" | "http_error" | "bad_response" | "connection_failed";

export type TargetOutcome =
  | { ok: true; text: string; httpStatus: number; latencyMs: number }
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

/** Reads `a.b.0.c` out of parsed JSON. */
export function readPath(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const segment of path.split(".")) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function buildRequest(
  config: TargetConfig,
  prompt: string,
): { body: string; headers: Record<string, string>; method: string } {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    accept: "application/json",
    ...authHeaders(config),
  };
  switch (config.wireFormat) {
    case "chat_completions_v1":
      return {
        method: "POST",
        headers,
        body: JSON.stringify({ model: config.model ?? undefined, messages: [{ role: "user", content: prompt }] }),
      };
    case "anthropic_messages_v1":
      return {
        method: "POST",
        headers: { "anthropic-version": "2023-06-01", ...headers },
        body: JSON.stringify({
          model: config.model ?? undefined,
          max_tokens: 1024,
          messages: [{ role: "user", content: prompt }],
        }),
      };
    case "http_template_v1": {
      const template = config.httpTemplate;
      if (!template) throw new TypeError("http_template_v1 needs http_template");
      // JSON.stringify(...).slice(1, -1): the prompt as the inside of a JSON string literal.
      const body = template.body_template.split("{{prompt}}").join(JSON.stringify(prompt).slice(1, -1));
      return { method: template.method ?? "POST", headers: { ...headers, ...template.headers }, body };
    }
  }
}

function extractText(config: TargetConfig, json: unknown): string | undefined {
  switch (config.wireFormat) {
    case "chat_completions_v1": {
      const content = readPath(json, "choices.0.message.content");
      return typeof content === "string" ? content : undefined;
    }
    case "anthropic_messages_v1": {
      const blocks = readPath(json, "content");
      if (!Array.isArray(blocks)) return undefined;
      return blocks
        .filter((block) => block && block.type === "text" && typeof block.text === "string")
        .map((block) => block.text as string)
        .join("");
    }
    case "http_template_v1": {
      const value = readPath(json, config.httpTemplate!.response_path);
      return typeof value === "string" ? value : value === undefined ? undefined : JSON.stringify(value);
    }
  }
}

export async function sendPrompt(
  config: TargetConfig,
  prompt: string,
  policy: GuardPolicy,
  signal?: AbortSignal,
): Promise<TargetOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const { body, headers, method } = buildRequest(config, prompt);
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
    const text = extractText(config, json);
    if (text === undefined) {
      return {
        ok: false,
        error: "bad_response",
        message: `no answer text in the ${config.wireFormat} response`,
        httpStatus: response.status,
        latencyMs: elapsed(),
      };
    }
    return { ok: true, text, httpStatus: response.status, latencyMs: elapsed() };
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
