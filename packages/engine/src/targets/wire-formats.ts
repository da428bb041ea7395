// How a conversation becomes a request body in each wire format, and how the answer (text and the
// tool calls the model emitted) is read back out. Pure: adapters.ts does the sending.

export type WireFormat = "chat_completions_v1" | "anthropic_messages_v1" | "http_template_v1";

export interface HttpTemplate {
  method?: "POST" | "PUT";
  /** `{{prompt}}` becomes the last message's text (inside a JSON string), `{{messages}}` the whole conversation as a JSON array. */
  body_template: string;
  response_path: string;
  headers?: Record<string, string>;
}

/** A function the model may call: a name and a JSON Schema of its arguments. */
export interface ToolSpec {
  name: string;
  description?: string;
  parameters: Record<string, unknown>;
}

/** A tool call as the model emitted it; `arguments` parsed from JSON where it was JSON. */
export interface ToolCall {
  id: string;
  name: string;
  arguments: unknown;
}

export type ChatMessage =
  | { role: "user"; content: string }
  | {
      role: "assistant";
      content: string;
      tool_calls?: ToolCall[];
      /** Put into the history by the probe (an agent's earlier tool call), not said by the target; never sent as such. */
      scripted?: boolean;
    }
  | { role: "tool"; tool_call_id: string; name: string; content: string };

/** What a target answered: its text (empty when it only called tools) and the tool calls it made. */
export interface TargetAnswer {
  text: string;
  toolCalls: ToolCall[];
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

const asArgumentsText = (args: unknown) => (typeof args === "string" ? args : JSON.stringify(args ?? {}));

function parseArguments(raw: unknown): unknown {
  if (typeof raw !== "string") return raw ?? {};
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

export function chatCompletionsBody(model: string | null, messages: ChatMessage[], tools: ToolSpec[]) {
  return {
    model: model ?? undefined,
    messages: messages.map((message) => {
      if (message.role === "tool")
        return { role: "tool", tool_call_id: message.tool_call_id, content: message.content };
      if (message.role === "assistant" && message.tool_calls?.length)
        return {
          role: "assistant",
          content: message.content || null,
          tool_calls: message.tool_calls.map((call) => ({
            id: call.id,
            type: "function",
            function: { name: call.name, arguments: asArgumentsText(call.arguments) },
          })),
        };
      return { role: message.role, content: message.content };
    }),
    ...(tools.length
      ? {
          tools: tools.map((tool) => ({
            type: "function",
            function: { name: tool.name, description: tool.description, parameters: tool.parameters },
          })),
        }
      : {}),
  };
}

type AnthropicBlock = Record<string, unknown>;

export function anthropicMessagesBody(model: string | null, messages: ChatMessage[], tools: ToolSpec[]) {
  // Anthropic alternates user and assistant turns, and tool results travel in the user turn.
  const turns: Array<{ role: "user" | "assistant"; content: AnthropicBlock[] }> = [];
  const push = (role: "user" | "assistant", blocks: AnthropicBlock[]) => {
    const last = turns.at(-1);
    if (last?.role === role) last.content.push(...blocks);
    else turns.push({ role, content: blocks });
  };
  for (const message of messages) {
    if (message.role === "tool")
      push("user", [{ type: "tool_result", tool_use_id: message.tool_call_id, content: message.content }]);
    else if (message.role === "user") push("user", [{ type: "text", text: message.content }]);
    else
      push("assistant", [
        // Anthropic refuses empty turns: an answer that was empty is sent as such, in words.
        ...(message.content || !message.tool_calls?.length
          ? [{ type: "text", text: message.content || "(empty answer)" }]
          : []),
        ...(message.tool_calls ?? []).map((call) => ({
          type: "tool_use",
          id: call.id,
          name: call.name,
          input: call.arguments ?? {},
        })),
      ]);
  }
  return {
    model: model ?? undefined,
    max_tokens: 1024,
    // A single plain user turn keeps today's shape: `content` as a string.
    messages: turns.map((turn) =>
      turn.content.length === 1 && turn.content[0]!.type === "text"
        ? { role: turn.role, content: turn.content[0]!.text }
        : turn,
    ),
    ...(tools.length
      ? {
          tools: tools.map((tool) => ({
            name: tool.name,
            description: tool.description,
            input_schema: tool.parameters,
          })),
        }
      : {}),
  };
}

/** The last message's text: what `{{prompt}}` stands for in a template. */
export function lastText(messages: ChatMessage[]): string {
  return messages.at(-1)?.content ?? "";
}

export function templateBody(template: HttpTemplate, messages: ChatMessage[]): string {
  // JSON.stringify(...).slice(1, -1): the prompt as the inside of a JSON string literal.
  const prompt = JSON.stringify(lastText(messages)).slice(1, -1);
  const conversation = JSON.stringify(messages.map((message) => ({ role: message.role, content: message.content })));
  // One pass: a "{{prompt}}" inside the conversation's text is text, not a placeholder.
  return template.body_template.replace(/\{\{(messages|prompt)\}\}/g, (_whole, name: string) =>
    name === "messages" ? conversation : prompt,
  );
}

export function extractAnswer(
  wireFormat: WireFormat,
  json: unknown,
  template: HttpTemplate | null,
): TargetAnswer | undefined {
  switch (wireFormat) {
    case "chat_completions_v1": {
      const content = readPath(json, "choices.0.message.content");
      const rawCalls = readPath(json, "choices.0.message.tool_calls");
      const toolCalls = Array.isArray(rawCalls)
        ? rawCalls
            .filter((call) => call && typeof call?.function?.name === "string")
            .map(
              (call, index): ToolCall => ({
                id: typeof call.id === "string" ? call.id : `call_${index}`,
                name: call.function.name,
                arguments: parseArguments(call.function.arguments),
              }),
            )
        : [];
      if (typeof content === "string") return { text: content, toolCalls };
      return toolCalls.length ? { text: "", toolCalls } : undefined;
    }
    case "anthropic_messages_v1": {
      const blocks = readPath(json, "content");
      if (!Array.isArray(blocks)) return undefined;
      return {
        text: blocks
          .filter((block) => block && block.type === "text" && typeof block.text === "string")
          .map((block) => block.text as string)
          .join(""),
        toolCalls: blocks
          .filter((block) => block && block.type === "tool_use" && typeof block.name === "string")
          .map((block, index) => ({
            id: typeof block.id === "string" ? block.id : `toolu_${index}`,
            name: block.name as string,
            arguments: block.input ?? {},
          })),
      };
    }
    case "http_template_v1": {
      const value = readPath(json, template!.response_path);
      if (value === undefined) return undefined;
      return { text: typeof value === "string" ? value : JSON.stringify(value), toolCalls: [] };
    }
  }
}
