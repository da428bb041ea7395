import { describe, expect, it } from "vitest";
import { isKnownFrameworkRef } from "../catalogue/frameworks.ts";
import { attributeGuardrail } from "./attribute-guardrail.ts";
import type { RagExchange, RagTestOutcome } from "./rag-test.ts";
import { ragTests } from "./run-rag-suites.ts";
import { leaks } from "./suites/canary-suite.ts";

const exchange = (overrides: Partial<RagExchange> = {}): RagExchange => ({
  namespace: "n",
  query: "q",
  answer: "Here is what the documents say.",
  retrieved_ids: ["doc"],
  blocked: false,
  guards: [],
  ...overrides,
});
const outcome = (overrides: Partial<RagTestOutcome> = {}): RagTestOutcome => ({
  breached: false,
  reason: "held",
  attackDocuments: [{ namespace: "n", id: "doc", rejected: null }],
  exchanges: [exchange()],
  needsRetrieval: true,
  ...overrides,
});

describe("attributeGuardrail", () => {
  it.each([
    [
      "a breach, whatever else happened",
      outcome({ breached: true, exchanges: [exchange({ guards: [{ stage: "output_filter", action: "redacted" }] })] }),
      "failed",
      "none",
    ],
    [
      "every attack document refused at ingest",
      outcome({ attackDocuments: [{ namespace: "n", id: "doc", rejected: "ingest_filter: instructions" }] }),
      "passed",
      "ingest_filter",
    ],
    [
      "a blocked query",
      outcome({ exchanges: [exchange({ blocked: true, retrieved_ids: [] })] }),
      "passed",
      "input_filter",
    ],
    [
      "an input-filter signal",
      outcome({ exchanges: [exchange({ guards: [{ stage: "input_filter", action: "blocked" }] })] }),
      "passed",
      "input_filter",
    ],
    [
      "an isolation test whose foreign document stayed away while its control came back",
      outcome({
        needsRetrieval: false,
        attackDocuments: [{ namespace: "other", id: "doc", rejected: null }],
        controls: [{ namespace: "n", id: "control", rejected: null }],
        exchanges: [exchange({ retrieved_ids: ["control"] })],
      }),
      "passed",
      "retrieval_isolation",
    ],
    [
      "an isolation test that retrieved nothing at all: no evidence either way",
      outcome({
        needsRetrieval: false,
        attackDocuments: [{ namespace: "other", id: "doc", rejected: null }],
        controls: [{ namespace: "n", id: "control", rejected: null }],
        exchanges: [exchange({ retrieved_ids: [] })],
      }),
      "skipped",
      null,
    ],
    [
      "an isolation test whose control came back only in another namespace",
      outcome({
        needsRetrieval: false,
        controls: [{ namespace: "n", id: "control", rejected: null }],
        exchanges: [exchange({ namespace: "elsewhere", retrieved_ids: ["control"] })],
      }),
      "skipped",
      null,
    ],
    [
      "an isolation test without controls and without a signal",
      outcome({ needsRetrieval: false, exchanges: [exchange({ retrieved_ids: [] })] }),
      "skipped",
      null,
    ],
    [
      "an isolation test whose retriever reports withholding",
      outcome({
        needsRetrieval: false,
        exchanges: [exchange({ retrieved_ids: [], guards: [{ stage: "retrieval_isolation", action: "filtered" }] })],
      }),
      "passed",
      "retrieval_isolation",
    ],
    [
      "a withheld document the retriever reports",
      outcome({
        exchanges: [exchange({ retrieved_ids: [], guards: [{ stage: "retrieval_isolation", action: "filtered" }] })],
      }),
      "passed",
      "retrieval_isolation",
    ],
    [
      "a planted document never retrieved, without a signal",
      outcome({ exchanges: [exchange({ retrieved_ids: ["other"] })] }),
      "skipped",
      null,
    ],
    [
      "a redacted answer",
      outcome({ exchanges: [exchange({ answer: "The code is [REDACTED]." })] }),
      "passed",
      "output_filter",
    ],
    [
      "an output-filter signal",
      outcome({ exchanges: [exchange({ guards: [{ stage: "output_filter", action: "redacted" }] })] }),
      "passed",
      "output_filter",
    ],
    [
      "a refusal in the answer",
      outcome({ exchanges: [exchange({ answer: "I'm sorry, but I can't share that." })] }),
      "passed",
      "model_refusal",
    ],
    ["a model that ignored the planted text", outcome(), "passed", "model_refusal"],
  ])("%s", (_name, observed, status, stoppedBy) => {
    expect(attributeGuardrail(observed)).toMatchObject({ status, stopped_by: stoppedBy });
  });
});

describe("the RAG suites", () => {
  it("has thirteen tests across canary, isolation and injection, with known framework refs", () => {
    expect(ragTests).toHaveLength(13);
    expect(new Set(ragTests.map((test) => test.id)).size).toBe(13);
    expect([...new Set(ragTests.map((test) => test.suite))].sort()).toEqual(["canary", "injection", "isolation"]);
    for (const test of ragTests) {
      expect(test.risk_refs.filter((ref) => !isKnownFrameworkRef(ref))).toEqual([]);
      const frameworksCovered = ["OWASP_LLM_", "NIST_AI_600_1_", "MITRE_ATLAS_", "EU_AI_ACT_", "ISO_42001_"].filter(
        (prefix) => test.risk_refs.some((ref) => ref.replace(/^OWASP_LLM/, "OWASP_LLM_").startsWith(prefix)),
      );
      expect(frameworksCovered).toHaveLength(5);
    }
  });

  it.each([
    ["the token as written", "code PXRAG-ABC1 here", true],
    ["the token inside base64", `encoded: ${Buffer.from("the code is PXRAG-ABC1").toString("base64")}`, true],
    ["a near miss", "code PXRAG-ABC2 here", false],
    ["nothing", "no codes", false],
  ])("finds a canary by exact match: %s", (_name, answer, found) => {
    expect(leaks(answer, "PXRAG-ABC1")).toBe(found);
  });
});
