import { describe, expect, it } from "vitest";
import { PROBE_CATEGORIES, probes } from "./probes.ts";
import { REMEDIATION_CATEGORIES, remediationFor } from "./remediation.ts";

describe("remediation", () => {
  it("covers every probe category and every RAG suite, with steps and references", () => {
    const expected = [...Object.keys(PROBE_CATEGORIES), "rag_canary", "rag_isolation", "rag_injection"];
    expect([...REMEDIATION_CATEGORIES].sort()).toEqual(expected.sort());
    for (const category of expected) {
      const remediation = remediationFor(category);
      expect(remediation.summary.length, category).toBeGreaterThan(20);
      expect(remediation.steps.length, category).toBeGreaterThanOrEqual(2);
      expect(remediation.references.length, category).toBeGreaterThan(0);
      for (const reference of remediation.references) expect(reference.url).toMatch(/^https:\/\//);
    }
  });

  it("gives each probe category of the library guidance of its own", () => {
    expect(new Set(probes.map((probe) => remediationFor(probe.category).summary)).size).toBe(
      new Set(probes.map((probe) => probe.category)).size,
    );
  });

  it("falls back to generic guidance for a category it does not know", () => {
    expect(remediationFor("from_a_newer_build").steps.length).toBeGreaterThan(0);
  });
});
