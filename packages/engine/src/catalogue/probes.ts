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
import { offTopicProbes } from "./probes/off-topic.ts";
import { insecureOutputProbes, misinformationProbes, unboundedConsumptionProbes } from "./probes/output.ts";
import { rogueAgentProbes } from "./probes/rogue-agents.ts";
import { toolResultProbes } from "./probes/tool-results.ts";
import type { Probe } from "./probes/types.ts";
import { defuseTemplateText } from "./render-payload.ts";

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
  // Sent to endpoints that declare a purpose (and competitors): see bindProbe().
  ...offTopicProbes,
  // Sent only when a scan names them (default_scan: false).
  ...multiTurnProbes,
  ...toolResultProbes,
  ...crossSessionProbes,
];

/** What a scan without `probe_ids` sends to any endpoint. */
export const defaultScanProbes: readonly Probe[] = probes.filter(
  (probe) => probe.default_scan !== false && !probe.requires,
);

/** What an endpoint's declared purpose adds to a default scan (competitor probes need competitors). */
export function purposeProbes(purpose: EndpointPurpose | null | undefined): Probe[] {
  if (!purpose) return [];
  return probes.filter(
    (probe) =>
      probe.default_scan !== false &&
      (probe.requires === "purpose" || (probe.requires === "competitors" && purpose.competitors?.length)),
  );
}

/** What an application is for, as its endpoint declares it. */
export interface EndpointPurpose {
  description: string;
  competitors?: string[];
}

/**
 * The probe with `{{purpose}}` and `{{competitor}}` filled in for one endpoint (the competitor
 * rotating with the variant), or null when the endpoint declares too little for it.
 */
export function bindProbe(probe: Probe, purpose: EndpointPurpose | null | undefined, variantIndex = 0): Probe | null {
  if (!probe.requires) return probe;
  if (!purpose || (probe.requires === "competitors" && !purpose.competitors?.length)) return null;
  const competitor = purpose.competitors?.length ? purpose.competitors[variantIndex % purpose.competitors.length]! : "";
  // What the endpoint declares is text, never template directives.
  const fill = (text: string) =>
    text
      .replaceAll("{{purpose}}", defuseTemplateText(purpose.description))
      .replaceAll("{{competitor}}", defuseTemplateText(competitor));
  return {
    ...probe,
    variants: probe.variants.map(fill),
    ...(probe.conversations
      ? {
          conversations: probe.conversations.map((steps) =>
            steps.map((step) =>
              "user" in step
                ? { user: fill(step.user) }
                : "tool_result" in step
                  ? { tool_result: { ...step.tool_result, result: fill(step.tool_result.result) } }
                  : step,
            ),
          ),
        }
      : {}),
  };
}
