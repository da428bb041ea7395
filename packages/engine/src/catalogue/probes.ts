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
import { crossSessionProbes } from "./probes/cross-session.ts";
import { sensitiveInformationProbes, systemPromptProbes } from "./probes/disclosure.ts";
import { biasProbes, harmfulContentProbes } from "./probes/harmful-content.ts";
import { encodingProbes, indirectInjectionProbes, promptInjectionProbes } from "./probes/injection.ts";
import { jailbreakProbes } from "./probes/jailbreak.ts";
import { multiTurnProbes } from "./probes/multi-turn.ts";
import { insecureOutputProbes, misinformationProbes, unboundedConsumptionProbes } from "./probes/output.ts";
import { rogueAgentProbes } from "./probes/rogue-agents.ts";
import { toolResultProbes } from "./probes/tool-results.ts";
import type { Probe } from "./probes/types.ts";

export {
  type ConversationStep,
  PROBE_CATEGORIES,
  type Probe,
  type ProbeCategory,
  refsFor,
  type Severity,
} from "./probes/types.ts";

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
  ...rogueAgentProbes,
  ...harmfulContentProbes,
  ...biasProbes,
  // Sent only when a scan names them (default_scan: false).
  ...multiTurnProbes,
  ...toolResultProbes,
  ...crossSessionProbes,
];

/** What a scan without `probe_ids` sends. */
export const defaultScanProbes: readonly Probe[] = probes.filter((probe) => probe.default_scan !== false);
