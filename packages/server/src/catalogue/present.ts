// The probe library and the frameworks as the API shows them (ProbeCatalogue, FrameworkCatalogue).
import { frameworks, probes } from "@penaxtra/engine";

// The documented fields only: payloads and judge hints stay inside the engine.
export const probeCatalogue = {
  data: probes.map((probe) => ({
    id: probe.id,
    title: probe.title,
    category: probe.category,
    description: probe.description,
    severity: probe.severity,
    detectors: probe.detectors,
    risk_refs: probe.risk_refs,
    variant_count: probe.variants.length,
    turns: Math.max(1, ...(probe.conversations ?? []).map((steps) => steps.filter((step) => "user" in step).length)),
    uses_tools: Boolean(probe.tools?.length),
    default_scan: probe.default_scan !== false,
  })),
};
export const frameworkCatalogue = {
  data: frameworks.map((framework) => ({ ...framework, refs: [...framework.refs] })),
};
