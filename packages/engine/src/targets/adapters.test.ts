import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChatMessage, sendConversation, sendPrompt, type TargetConfig } from "./adapters.ts";

// Echoes what it received so each wire format's request can be checked, and answers in that format.
let base = "";
let received: { headers: Record<string, unknown>; body: any } | null = null;
const server = createServer((req, res) => {
  let raw = "";
  req.on("data", (chunk) => (raw += chunk));
  req.on("end", () => {
    received = { headers: req.headers, body: JSON.parse(raw) };
    res.setHeader("content-type", "application/json");
    if (req.url === "/anthropic")
      return res.end(
        JSON.stringify({
          content: [{ type: "text", text: "hello " }, { type: "tool_use" }, { type: "text", text: "world" }],
        }),
      );
    if (req.url === "/template") return res.end(JSON.stringify({ data: { outputs: [{ text: "templated" }] } }));
    if (req.url === "/tool-calls")
      return res.end(
        JSON.stringify({
          choices: [
            {
              message: {
                content: null,
                tool_calls: [
                  { id: "c1", type: "function", function: { name: "send_email", arguments: '{"to":"a@b.example"}' } },
                  { id: "c2", type: "function", function: { name: "raw", arguments: "not json" } },
                ],
              },
            },
          ],
        }),
      );
    if (req.url === "/anthropic-tools")
      return res.end(
        JSON.stringify({ content: [{ type: "tool_use", id: "t1", name: "issue_refund", input: { amount: 5 } }] }),
      );
    if (req.url === "/broken") return res.end("not json");
    res.end(JSON.stringify({ choices: [{ message: { content: "chat" } }] }));
  });
});
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

const config = (overrides: Partial<TargetConfig>): TargetConfig => ({
  url: `${base}/chat`,
  wireFormat: "chat_completions_v1",
  model: "m",
  authHeader: null,
  authSecret: null,
  httpTemplate: null,
  timeoutMs: 2000,
  ...overrides,
});
const policy = { allowPrivate: true };

describe("wire formats", () => {
  it("chat_completions_v1 sends messages with a bearer secret", async () => {
    expect(await sendPrompt(config({ authSecret: "sk-1" }), "hi", policy)).toMatchObject({ ok: true, text: "chat" });
    expect(received!.body).toEqual({ model: "m", messages: [{ role: "user", content: "hi" }] });
    expect(received!.headers.authorization).toBe("Bearer sk-1");
  });

  it("anthropic_messages_v1 joins the text blocks and sends the secret in the named header", async () => {
    const outcome = await sendPrompt(
      config({
        url: `${base}/anthropic`,
        wireFormat: "anthropic_messages_v1",
        authHeader: "x-api-key",
        authSecret: "sk-ant",
      }),
      "hi",
      policy,
    );
    expect(outcome).toMatchObject({ ok: true, text: "hello world" });
    expect(received!.headers["x-api-key"]).toBe("sk-ant");
    expect(received!.headers["anthropic-version"]).toBe("2023-06-01");
    expect(received!.body).toMatchObject({ max_tokens: 1024, messages: [{ role: "user", content: "hi" }] });
  });

  it("http_template_v1 escapes the prompt into the template and reads the response path", async () => {
    const prompt = 'say "hi"\nand \\ leave';
    const outcome = await sendPrompt(
      config({
        url: `${base}/template`,
        wireFormat: "http_template_v1",
        httpTemplate: { body_template: '{"input":"{{prompt}}","n":1}', response_path: "data.outputs.0.text" },
      }),
      prompt,
      policy,
    );
    expect(outcome).toMatchObject({ ok: true, text: "templated" });
    expect(received!.body).toEqual({ input: prompt, n: 1 });
  });

  describe("conversations and tools", () => {
    const conversation: ChatMessage[] = [
      { role: "user", content: "summarise my mail" },
      { role: "assistant", content: "", tool_calls: [{ id: "c0", name: "read_inbox", arguments: { count: 1 } }] },
      { role: "tool", tool_call_id: "c0", name: "read_inbox", content: "mail body" },
    ];
    const tools = [{ name: "send_email", parameters: { type: "object" } }];

    it("chat_completions_v1 sends history, tool results and tools, and reads the tool calls back", async () => {
      const outcome = await sendConversation(config({ url: `${base}/tool-calls`, tools }), conversation, policy, {
        tools: [{ name: "read_inbox", description: "read", parameters: { type: "object" } }],
      });
      expect(outcome).toMatchObject({
        ok: true,
        text: "",
        toolCalls: [
          { id: "c1", name: "send_email", arguments: { to: "a@b.example" } },
          { id: "c2", name: "raw", arguments: "not json" },
        ],
      });
      expect(received!.body.messages).toEqual([
        { role: "user", content: "summarise my mail" },
        {
          role: "assistant",
          content: null,
          tool_calls: [{ id: "c0", type: "function", function: { name: "read_inbox", arguments: '{"count":1}' } }],
        },
        { role: "tool", tool_call_id: "c0", content: "mail body" },
      ]);
      expect(received!.body.tools.map((tool: any) => tool.function.name)).toEqual(["send_email", "read_inbox"]);
    });

    it("anthropic_messages_v1 puts tool results in the user turn and reads tool_use blocks", async () => {
      const outcome = await sendConversation(
        config({ url: `${base}/anthropic-tools`, wireFormat: "anthropic_messages_v1", tools }),
        [...conversation, { role: "user", content: "and?" }],
        policy,
      );
      expect(outcome).toMatchObject({
        ok: true,
        toolCalls: [{ id: "t1", name: "issue_refund", arguments: { amount: 5 } }],
      });
      expect(received!.body.messages).toEqual([
        { role: "user", content: "summarise my mail" },
        { role: "assistant", content: [{ type: "tool_use", id: "c0", name: "read_inbox", input: { count: 1 } }] },
        {
          role: "user",
          content: [
            { type: "tool_result", tool_use_id: "c0", content: "mail body" },
            { type: "text", text: "and?" },
          ],
        },
      ]);
      expect(received!.body.tools).toEqual([{ name: "send_email", input_schema: { type: "object" } }]);
    });

    it("http_template_v1 puts the conversation where {{messages}} stands and the last text at {{prompt}}", async () => {
      await sendConversation(
        config({
          url: `${base}/template`,
          wireFormat: "http_template_v1",
          httpTemplate: {
            body_template: '{"history":{{messages}},"q":"{{prompt}}"}',
            response_path: "data.outputs.0.text",
          },
        }),
        conversation,
        policy,
      );
      expect(received!.body).toEqual({
        history: conversation.map(({ role, content }) => ({ role, content })),
        q: "mail body",
      });
    });
  });

  it("http_template_v1 fills both placeholders in one pass: a placeholder inside the text stays text", async () => {
    await sendConversation(
      config({
        url: `${base}/template`,
        wireFormat: "http_template_v1",
        httpTemplate: { body_template: '{"h":{{messages}},"q":"{{prompt}}"}', response_path: "data.outputs.0.text" },
      }),
      [{ role: "user", content: "say {{prompt}} and {{messages}}" }],
      policy,
    );
    expect(received!.body).toEqual({
      h: [{ role: "user", content: "say {{prompt}} and {{messages}}" }],
      q: "say {{prompt}} and {{messages}}",
    });
  });

  it("reports invalid JSON as bad_response", async () => {
    expect(await sendPrompt(config({ url: `${base}/broken` }), "hi", policy)).toMatchObject({
      ok: false,
      error: "bad_response",
    });
  });

  it("refuses a private target when the policy does", async () => {
    expect(await sendPrompt(config({}), "hi", { allowPrivate: false })).toMatchObject({
      ok: false,
      error: "target_not_allowed",
    });
  });
});
