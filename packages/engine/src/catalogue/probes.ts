// The probe library: curated attacks sent to a target, each mapped to framework references.
// Probes live in probes/*.ts by family; this module assembles them in a stable order.
import {
  codeExecutionProbes,
  excessiveAgencyProbes,
  goalHijackProbes,
  interAgentProbes,
  memoryPoisoningProbes,
  privilegeAbuseProbes,
  trustExploitationProbes,
} from "./probes/agentic.ts";
import { sensitiveInformationProbes, systemPromptProbes } from "./probes/disclosure.ts";
import { encodingProbes, indirectInjectionProbes, promptInjectionProbes } from "./probes/injection.ts";
import { jailbreakProbes } from "./probes/jailbreak.ts";
import { insecureOutputProbes, misinformationProbes, unboundedConsumptionProbes } from "./probes/output.ts";
import type { Probe } from "./probes/types.ts";

export { PROBE_CATEGORIES, type Probe, type ProbeCategory, refsFor, type Severity } from "./probes/types.ts";

export const probes: readonly Probe[] = [
  ...promptInjectionProbes,
  ...indirectInjectionProbes,
  ...jailbreakProbes,
  ...encodingProbes,
  ...systemPromptProbes,
  ...sensitiveInformationProbes,
  ...insecureOutputProbes,
  ...excessiveAgencyProbes,
  ...misinformationProbes,
  ...unboundedConsumptionProbes,
  ...goalHijackProbes,
  ...privilegeAbuseProbes,
  ...codeExecutionProbes,
  ...memoryPoisoningProbes,
  ...interAgentProbes,
  ...trustExploitationProbes,
];
