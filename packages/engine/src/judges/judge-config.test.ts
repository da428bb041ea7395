import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { Probe } from "../catalogue/probes.ts";
import { buildJudgePanel, type JudgeOverrides, parseJudgeConfig } from "./judge-config.ts";
import type { Judge } from "./panel.ts";

const OPENAI = {
  provider: "openai",
  url: "https://api.openai.com/v1/chat/completions",
  model: "gpt-4o-mini",
  api_key_env: "OPENAI_API_KEY",
};
const ANTHROPIC = {
  provider: "anthropic",
  url: "https://api.anthropic.com/v1/messages",
  model: "claude-sonnet-4-5",
  api_key_env: "ANTHROPIC_API_KEY",
};
const env = { OPENAI_API_KEY: "sk-openai", ANTHROPIC_API_KEY: "sk-ant", EMPTY: "  " };

describe("parseJudgeConfig", () => {
  it.each([undefined, "", "   "])("reads %j as no overrides", (raw) => {
    expect(parseJudgeConfig(raw, env)).toEqual({});
  });

  it("resolves each slot's API key from the environment", () => {
    expect(parseJudgeConfig(JSON.stringify({ refusal: OPENAI, goal: ANTHROPIC }), env)).toEqual({
      refusal: { provider: "openai", url: OPENAI.url, model: "gpt-4o-mini", apiKey: "sk-openai" },
      goal: { provider: "anthropic", url: ANTHROPIC.url, model: "claude-sonnet-4-5", apiKey: "sk-ant" },
    });
  });

  it("accepts a keyless local server and the optional tuning fields", () => {
    const raw = JSON.stringify({
      detector: {
        provider: "openai",
        url: "http://localhost:11434/v1/chat/completions",
        model: "llama3",
        api_key_env: null,
        name: "local-llama",
        timeout_ms: 5000,
        max_response_chars: 4000,
      },
    });
    expect(parseJudgeConfig(raw, {})).toEqual({
      detector: {
        provider: "openai",
        url: "http://localhost:11434/v1/chat/completions",
        model: "llama3",
        apiKey: null,
        name: "local-llama",
        timeoutMs: 5000,
        maxResponseChars: 4000,
      },
    });
  });

  it.each([
    { label: "invalid JSON", raw: "{refusal:", message: /^PENAXTRA_JUDGES: not valid JSON/ },
    { label: "a JSON array", raw: "[]", message: /^PENAXTRA_JUDGES: top level: .*expected object/ },
    {
      label: "an unknown slot",
      raw: JSON.stringify({ judge4: OPENAI }),
      message: /unknown judge slot "judge4" \(expected one of detector, refusal, goal\)/,
    },
    {
      label: "an unknown field",
      raw: JSON.stringify({ goal: { ...ANTHROPIC, api_key: "sk-inline" } }),
      message: /goal: unknown field "api_key"/,
    },
    {
      label: "an unknown provider",
      raw: JSON.stringify({ goal: { ...ANTHROPIC, provider: "gemini" } }),
      message: /goal\.provider: /,
    },
    {
      label: "a malformed URL",
      raw: JSON.stringify({ refusal: { ...OPENAI, url: "not a url" } }),
      message: /refusal\.url: must be an http\(s\) URL/,
    },
    {
      label: "a non-HTTP URL",
      raw: JSON.stringify({ refusal: { ...OPENAI, url: "file:///etc/passwd" } }),
      message: /refusal\.url: must be an http\(s\) URL/,
    },
    {
      label: "a missing model",
      raw: JSON.stringify({ refusal: { ...OPENAI, model: undefined } }),
      message: /refusal\.model: is required$/,
    },
    {
      label: "a blank model",
      raw: JSON.stringify({ refusal: { ...OPENAI, model: " " } }),
      message: /refusal\.model: must be a non-empty string/,
    },
    {
      label: "a missing api_key_env field",
      raw: JSON.stringify({ goal: { ...ANTHROPIC, api_key_env: undefined } }),
      message: /goal\.api_key_env: is required \(.*null for a server without auth\)/,
    },
    {
      label: "an unset API key variable",
      raw: JSON.stringify({ goal: { ...ANTHROPIC, api_key_env: "MISSING_KEY" } }),
      message: /goal\.api_key_env: environment variable MISSING_KEY is not set/,
    },
    {
      label: "a blank API key variable",
      raw: JSON.stringify({ goal: { ...ANTHROPIC, api_key_env: "EMPTY" } }),
      message: /goal\.api_key_env: environment variable EMPTY is not set/,
    },
    {
      label: "a negative timeout",
      raw: JSON.stringify({ goal: { ...ANTHROPIC, timeout_ms: -1 } }),
      message: /goal\.timeout_ms: /,
    },
    {
      label: "a fractional max_response_chars",
      raw: JSON.stringify({ goal: { ...ANTHROPIC, max_response_chars: 10.5 } }),
      message: /goal\.max_response_chars: /,
    },
  ])("rejects $label with a one-line message naming the field", ({ raw, message }) => {
    let thrown: unknown;
    try {
      parseJudgeConfig(raw, env);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).message).toMatch(message);
    expect((thrown as Error).message).not.toContain("\n");
  });

  it("never puts an API key value in an error", () => {
    expect(() => parseJudgeConfig(JSON.stringify({ refusal: OPENAI, goal: { ...ANTHROPIC, model: "" } }), env)).toThrow(
      /^(?!.*sk-).*goal\.model/,
    );
  });
});

describe("buildJudgePanel", () => {
  const offline = (name: string): Judge => ({
    name,
    judge: async () => ({ judge: name, verdict: "safe", confidence: 0.5, rationale: "offline" }),
  });
  const defaults = { detector: offline("detector"), refusal: offline("refusal"), goal: offline("goal") };
  const policy = { allowPrivate: true };

  it("returns the defaults in slot order when nothing is overridden", () => {
    expect(buildJudgePanel(defaults, {}, policy)).toEqual([defaults.detector, defaults.refusal, defaults.goal]);
  });

  it("swaps configured slots for LLM judges and keeps the rest", () => {
    const overrides = parseJudgeConfig(JSON.stringify({ refusal: OPENAI, goal: ANTHROPIC }), env);
    const panel = buildJudgePanel(defaults, overrides, policy);
    expect(panel.map((judge) => judge.name)).toEqual([
      "detector",
      "llm:openai/gpt-4o-mini",
      "llm:anthropic/claude-sonnet-4-5",
    ]);
    expect(panel[0]).toBe(defaults.detector);
  });

  it("fails at build time on a judge URL the SSRF policy refuses outright", () => {
    const overrides: JudgeOverrides = {
      goal: { provider: "openai", url: "http://169.254.169.254/v1", model: "m", apiKey: null },
    };
    expect(() => buildJudgePanel(defaults, overrides, policy)).toThrow(
      /^PENAXTRA_JUDGES: goal\.url: .*not allowed \(metadata\)/,
    );
    const privateOverride: JudgeOverrides = {
      refusal: { provider: "openai", url: "http://10.0.0.5/v1", model: "m", apiKey: null },
    };
    expect(() => buildJudgePanel(defaults, privateOverride, { allowPrivate: false })).toThrow(
      /refusal\.url: .*not allowed \(private\)/,
    );
  });

  describe("with a live judge server", () => {
    const servers: Array<{ close(): void }> = [];
    afterEach(() => servers.splice(0).forEach((server) => server.close()));

    it("the swapped-in judge votes through the configured endpoint with the configured key", async () => {
      const seen: Array<string | undefined> = [];
      const server = createServer((req, res) => {
        seen.push(req.headers.authorization);
        req.resume().on("end", () =>
          res.end(
            JSON.stringify({
              choices: [{ message: { content: '{"verdict":"vulnerable","confidence":0.9,"rationale":"leaked"}' } }],
            }),
          ),
        );
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      servers.push(server);
      const { port } = server.address() as AddressInfo;
      const raw = JSON.stringify({
        goal: { ...OPENAI, url: `http://127.0.0.1:${port}/v1/chat/completions`, name: "goal-llm" },
      });
      const [, , goal] = buildJudgePanel(defaults, parseJudgeConfig(raw, env), policy);
      const probe: Probe = {
        id: "p",
        title: "t",
        category: "c",
        description: "d",
        severity: "high",
        detectors: [],
        risk_refs: [],
        variants: [],
      };
      const vote = await goal!.judge({
        probe,
        prompt: "x",
        response: "y",
        context: { canary: null, knownSecrets: [], systemPromptFragments: [] },
      });
      expect(vote).toEqual({ judge: "goal-llm", verdict: "vulnerable", confidence: 0.9, rationale: "leaked" });
      expect(seen).toEqual(["Bearer sk-openai"]);
    });
  });
});
