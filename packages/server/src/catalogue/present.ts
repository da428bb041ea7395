// The probe library and the frameworks as the API shows them (Probe, ProbeCatalogue, FrameworkCatalogue).
import { type ConversationStep, frameworks, type Probe, probes } from "@penaxtra/engine";

/** The requests one variant makes: as sendAttempt walks its steps, one whenever the target must answer. */
function requestsOf(steps: readonly ConversationStep[]): number {
  let requests = 0;
  let unanswered = false;
  for (const step of steps) {
    if ("user" in step && unanswered) requests++;
    if ("new_session" in step) {
      if (unanswered) requests++;
      unanswered = false;
    } else unanswered = true;
  }
  return requests + (unanswered ? 1 : 0);
}

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
    turns: Math.max(1, ...(probe.conversations ?? []).map(requestsOf)),
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
