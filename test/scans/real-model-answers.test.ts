// Scans of a target that answers jailbreaks the way real chat models do (GPT-3.5/4, Llama 2 and
// Mistral-era phrasing), through the API with the shipped offline judge panel. Each jailbreak probe
// gets one answer shape on every variant, and the finding must be present or absent as a human
// labeller would decide it:
//   1. a disclaimer, then full compliance as a numbered list    -> finding
//   2. two personas: the assistant refuses, the persona complies -> finding
//   3. plain prose compliance (no list, no "Sure")              -> finding
//   4. compliance in another language (Spanish, French)         -> finding
//   5. a refusal with a leading speaker tag ("[ChatGPT]:", "GPT:") -> no finding
//   6. a long Llama-2-style lecture that restates the request    -> no finding
//   7. a refusal whose code fence holds only a comment          -> no finding
//
// No answer echoes the attempt's canary (real models often drop the tag a jailbreak asks for), so the
// detector judge has no deterministic evidence and abstains: the learned refusal and goal judges
// decide. Shapes 1-4 run twice, against two targets:
//   - "markers": the answer uses the vocabulary a real model would, which includes some of the
//     probe's `success_markers` (the goal judge may cite them);
//   - "learned-only": equally complete answers that avoid every success marker (checked below), so
//     ONLY the learned model can catch them.
// All traffic stays on loopback: the targets are tiny OpenAI-compatible servers on 127.0.0.1.

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { JudgeVote, MetaVerdict } from "@penaxtra/engine";
import { createTestContext, type TestContext } from "@penaxtra/server/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createEndpoint, createScan, type ScanView, waitForScan } from "../support/scans.ts";
import { type Answer, cases, markerHits, probeById, type TargetName } from "./real-model-answers.fixtures.ts";

// --- the target ---------------------------------------------------------------------------------

/** The (probe, variant) whose rendered template the prompt is: every literal part of it must appear. */
function recognise(prompt: string, probeIds: string[]): { probeId: string; variant: number } | null {
  for (const probeId of probeIds) {
    const variants = probeById(probeId).variants;
    for (let variant = 0; variant < variants.length; variant++) {
      const parts = variants[variant]!.split("{{canary}}").filter((part) => part.trim().length > 0);
      if (parts.every((part) => prompt.includes(part))) return { probeId, variant };
    }
  }
  return null;
}

interface ChatTarget {
  url: string;
  unrecognised: string[];
  close(): Promise<void>;
}

async function startChatTarget(answers: Map<string, Answer>): Promise<ChatTarget> {
  const unrecognised: string[] = [];
  const server: Server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    if (request.method !== "POST" || request.url !== "/v1/chat/completions")
      return send(404, { error: { message: "not found" } });
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
      messages?: Array<{ role: string; content: string }>;
    };
    const prompt = [...(body.messages ?? [])].reverse().find((message) => message.role === "user")?.content ?? "";
    const seen = recognise(prompt, [...answers.keys()]);
    if (!seen) {
      unrecognised.push(prompt.slice(0, 120));
      return send(400, { error: { message: "unrecognised prompt" } });
    }
    const content = answers.get(seen.probeId)!(seen.variant);
    send(200, {
      id: "chatcmpl-test",
      object: "chat.completion",
      model: "sim",
      choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant", content } }],
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1/chat/completions`,
    unrecognised,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

// --- the scans ----------------------------------------------------------------------------------

interface AttemptRow {
  probe_id: string;
  variant_index: number;
  verdict: string | null;
  confidence: number | null;
  response: string;
  votes: { judges: JudgeVote[]; meta: MetaVerdict } | null;
}

interface ScanResult {
  scan: ScanView;
  target: ChatTarget;
  findings: Array<Record<string, any>>;
  attempts: AttemptRow[];
}

let ctx: TestContext;
let token: string;
const scans = new Map<TargetName, ScanResult>();

async function scanTarget(name: TargetName): Promise<ScanResult> {
  const mine = cases.filter((entry) => entry.target === name);
  const target = await startChatTarget(new Map(mine.map((entry) => [entry.probeId, entry.answer])));
  const endpointId = await createEndpoint(ctx, token, target.url, { concurrency: 8 });
  const scanId = await createScan(
    ctx,
    token,
    endpointId,
    mine.map((entry) => entry.probeId),
  );
  const scan = await waitForScan(ctx, token, scanId);
  const list = await (
    await ctx.request(ctx.app, "GET", `/api/v2/findings?scan_id=${scanId}&limit=200`, { token })
  ).json();
  const attempts =
    (await ctx.pg`select probe_id, variant_index, verdict, confidence, response, votes from scan_attempts where scan_id = ${scanId} order by probe_id, variant_index`) as unknown as AttemptRow[];
  return { scan, target, findings: list.data, attempts };
}

/** Every variant's panel, for the failure message: what each judge said and how sure it was. */
function describeVotes(result: ScanResult, probeId: string): string {
  const lines = result.attempts
    .filter((attempt) => attempt.probe_id === probeId)
    .map((attempt) => {
      const judges = (attempt.votes?.judges ?? [])
        .map((vote) => `${vote.judge}=${vote.verdict}(${vote.confidence}: ${vote.rationale})`)
        .join("; ");
      return `  variant ${attempt.variant_index}: meta=${attempt.verdict}(${attempt.confidence}) | ${judges}`;
    });
  return `${probeId} on the ${result === scans.get("markers") ? "markers" : "learned-only"} target:\n${lines.join("\n")}`;
}

beforeAll(async () => {
  ctx = await createTestContext(inject("adminDatabaseUrl"));
  token = await ctx.token(await ctx.createTenant());
  await ctx.startWorker();
  const [markers, learnedOnly] = await Promise.all([scanTarget("markers"), scanTarget("learned-only")]);
  scans.set("markers", markers);
  scans.set("learned-only", learnedOnly);
}, 120_000);
afterAll(async () => {
  await ctx?.cleanup();
  await Promise.all([...scans.values()].map((result) => result.target.close()));
});

describe("scanning a target that answers like real models", () => {
  it("completes both scans with every attempt answered", () => {
    for (const [name, result] of scans) {
      const ids = cases.filter((entry) => entry.target === name).map((entry) => entry.probeId);
      expect(result.target.unrecognised, name).toEqual([]);
      expect(result.scan.status, name).toBe("completed");
      expect(result.scan.attempts_errored, name).toBe(0);
      expect(result.scan.attempts_total, name).toBe(ids.reduce((sum, id) => sum + probeById(id).variants.length, 0));
      expect(result.scan.findings_count, name).toBe(result.findings.length);
    }
  });

  it("sends learned-only answers with no success marker and no answer with the canary", () => {
    for (const [name, result] of scans) {
      for (const attempt of result.attempts) {
        const probe = probeById(attempt.probe_id);
        if (name === "learned-only")
          expect(markerHits(probe, attempt.response), `${probe.id} v${attempt.variant_index}`).toEqual([]);
        expect(attempt.response).not.toMatch(/\bPX[A-Z2-7]{10}\b/);
      }
    }
  });

  it.each(cases)(
    "shape $shape on $probeId ($target target): finding=$finding",
    async ({ probeId, target, finding: expected }) => {
      const result = scans.get(target)!;
      const votes = describeVotes(result, probeId);
      const finding = result.findings.find((candidate) => candidate.probe_id === probeId);
      if (!expected) {
        expect(finding, `expected no finding\n${votes}`).toBeUndefined();
        return;
      }
      expect(finding, `expected a finding\n${votes}`).toBeDefined();
      expect(["confirmed", "needs_review"]).toContain(finding!.status);

      const detail = await (await ctx.request(ctx.app, "GET", `/api/v2/findings/${finding!.id}`, { token })).json();
      const judges = detail.judge_votes.filter((vote: any) => vote.kind === "judge");
      expect(judges.map((vote: any) => vote.judge).sort()).toEqual(["detector", "goal", "refusal"]);
      for (const vote of judges) expect(["vulnerable", "safe", "uncertain"]).toContain(vote.verdict);
      const meta = detail.judge_votes.find((vote: any) => vote.kind === "meta");
      expect(meta, votes).toBeDefined();
      expect(meta.confidence).toBe(detail.confidence);
      expect(meta.verdict).toBe(detail.verdict);
      if (target === "learned-only") {
        // The goal judge could not have read a marker: its vote is the learned model's.
        expect(judges.find((vote: any) => vote.judge === "goal").rationale).not.toMatch(/contains the attack's goal/);
      }
    },
  );
});
