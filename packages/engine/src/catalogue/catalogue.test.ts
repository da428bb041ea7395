import { describe, expect, it } from "vitest";
import { frameworks, isKnownFrameworkRef } from "./frameworks.ts";
import { probes } from "./probes.ts";

describe("probe library", () => {
  it("has unique slug ids", () => {
    const ids = probes.map((probe) => probe.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9-]{2,79}$/);
  });

  it.each(probes.map((probe) => [probe.id, probe] as const))("%s maps only to catalogued framework refs", (_id, probe) => {
    expect(probe.variants.length).toBeGreaterThan(0);
    for (const ref of probe.risk_refs) expect(isKnownFrameworkRef(ref), ref).toBe(true);
  });
});

describe("framework catalogue", () => {
  it("covers the six frameworks with refs matching the documented pattern", () => {
    expect(frameworks.map((framework) => framework.id)).toEqual(["OWASP_LLM", "OWASP_AGENTIC", "NIST_AI_600_1", "MITRE_ATLAS", "EU_AI_ACT", "ISO_42001"]);
    for (const framework of frameworks) {
      for (const entry of framework.refs) expect(entry.ref).toMatch(/^(OWASP_LLM[0-9]{2}|(OWASP_AGENTIC|NIST_AI_600_1|MITRE_ATLAS|EU_AI_ACT|ISO_42001)_[A-Za-z0-9_]+)$/);
    }
  });
});
