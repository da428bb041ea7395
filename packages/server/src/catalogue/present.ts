// The probe library and the frameworks as the API shows them (Probe, ProbeCatalogue, FrameworkCatalogue).
import { frameworks, type Probe, probes } from "@penaxtra/engine";

// The documented fields only: payloads and judge hints stay inside the engine.
export function toProbe(probe: Probe, custom: boolean) {
  return {
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
    custom,
    requires: probe.requires ?? null,
  };
}

const builtIn = probes.map((probe) => toProbe(probe, false));

/** The library, then the tenant's own probes. */
export const probeCatalogue = (custom: readonly Probe[]) => ({
  data: [...builtIn, ...custom.map((probe) => toProbe(probe, true))],
});

export const frameworkCatalogue = {
  data: frameworks.map((framework) => ({ ...framework, refs: [...framework.refs] })),
};
