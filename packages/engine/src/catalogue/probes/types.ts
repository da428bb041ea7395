// Shapes shared by the probe library files, and each category's framework mapping.
import type { DetectorName } from "../../judges/detectors.ts";
import type { ToolSpec } from "../../targets/wire-formats.ts";

export type Severity = "critical" | "high" | "medium" | "low" | "info";

export interface Probe {
  /** Stable kebab-case slug; scans and findings refer to probes by it. */
  id: string;
  title: string;
  category: string;
  description: string;
  severity: Severity;
  /**
   * Detectors the judge panel applies to this probe's responses; "refusal" names the refusal judge.
   * Typed, so a probe naming an unknown detector does not compile.
   */
  detectors: DetectorName[];
  risk_refs: string[];
  /**
   * Payload variants; `{{canary}}` is replaced by a unique token per attempt, and encoding directives
   * such as `{{base64:…}}` encode their inner text (see render-payload.ts).
   */
  variants: string[];
  /** Case-insensitive regex sources: any match in an answer means the attack's goal was reached. */
  success_markers?: string[];
  /** Misinformation probes: the fabricated entities (paper, person, package, law) that do not exist. */
  premise_terms?: string[];
  /**
   * Multi-turn, tool-result and cross-session probes: each variant's whole conversation, one step
   * after another (templates, like `variants`; `variants[i]` is the text of conversation i's last
   * step that has text).
   */
  conversations?: ConversationStep[][];
  /** Functions the probe declares to the target, beside the endpoint's own: what its tool results pretend to come from. */
  tools?: ToolSpec[];
  /** Calling one of these tools is the attack's success (the `tool_call` detector). */
  forbidden_tools?: string[];
  /** False: sent only when a scan names the probe in `probe_ids` (it needs more than one request per variant). */
  default_scan?: boolean;
  /**
   * Sent only to an endpoint that declares a purpose (`{{purpose}}` in the text), or competitors too
   * (`{{competitor}}`); see bindProbe().
   */
  requires?: "purpose" | "competitors";
}

/**
 * A step of a scripted conversation. `user` is sent and the target's answer joins the history;
 * `tool_result` puts a call of `tool` by the model and its result into the history without a request,
 * as an agent framework would; `new_session` ends the conversation (the target answers what is still
 * unanswered) and starts a fresh one whose requests carry none of the earlier messages, as a second
 * user's chat would. A conversation never ends with `new_session`.
 */
export type ConversationStep =
  | { user: string }
  | { tool_result: { tool: string; arguments?: Record<string, unknown>; result: string } }
  | { new_session: true };

/** The text of a step (null for a session boundary): what `variants` shows for a conversation's last step. */
export const stepText = (step: ConversationStep): string | null =>
  "user" in step ? step.user : "tool_result" in step ? step.tool_result.result : null;

/**
 * Every probe category, with the framework entry it primarily tests: the OWASP entry where one
 * names the risk, else the NIST AI 600-1 risk (OWASP's lists have no entry for harmful content or bias).
 */
export const PROBE_CATEGORIES = {
  prompt_injection: "OWASP_LLM01",
  indirect_prompt_injection: "OWASP_LLM01",
  jailbreak: "OWASP_LLM01",
  encoding_obfuscation: "OWASP_LLM01",
  system_prompt_leakage: "OWASP_LLM07",
  sensitive_information_disclosure: "OWASP_LLM02",
  insecure_output: "OWASP_LLM05",
  excessive_agency: "OWASP_LLM06",
  misinformation: "OWASP_LLM09",
  unbounded_consumption: "OWASP_LLM10",
  agent_goal_hijack: "OWASP_AGENTIC_ASI01",
  privilege_abuse: "OWASP_AGENTIC_ASI03",
  code_execution: "OWASP_AGENTIC_ASI05",
  memory_poisoning: "OWASP_AGENTIC_ASI06",
  inter_agent_spoofing: "OWASP_AGENTIC_ASI07",
  trust_exploitation: "OWASP_AGENTIC_ASI09",
  rogue_agent: "OWASP_AGENTIC_ASI10",
  harmful_content: "NIST_AI_600_1_DANGEROUS_CONTENT",
  bias: "NIST_AI_600_1_HARMFUL_BIAS",
  off_topic: "OWASP_LLM01",
} as const;

export type ProbeCategory = keyof typeof PROBE_CATEGORIES;

// The refs every probe of a category carries, across the six frameworks where each applies.
const CATEGORY_REFS: Record<ProbeCategory, readonly string[]> = {
  prompt_injection: [
    "OWASP_LLM01",
    "OWASP_AGENTIC_ASI01",
    "NIST_AI_600_1_INFORMATION_SECURITY",
    "MITRE_ATLAS_AML_T0051_000",
    "EU_AI_ACT_Art15",
    "ISO_42001_A_6_2_4",
  ],
  indirect_prompt_injection: [
    "OWASP_LLM01",
    "OWASP_AGENTIC_ASI01",
    "NIST_AI_600_1_INFORMATION_SECURITY",
    "NIST_AI_600_1_INFORMATION_INTEGRITY",
    "MITRE_ATLAS_AML_T0051_001",
    "EU_AI_ACT_Art15",
    "ISO_42001_A_6_2_4",
    "ISO_42001_A_7_5",
  ],
  jailbreak: [
    "OWASP_LLM01",
    "NIST_AI_600_1_DANGEROUS_CONTENT",
    "MITRE_ATLAS_AML_T0054",
    "EU_AI_ACT_Art15",
    "EU_AI_ACT_Art55",
    "ISO_42001_A_6_2_4",
  ],
  encoding_obfuscation: [
    "OWASP_LLM01",
    "OWASP_AGENTIC_ASI01",
    "NIST_AI_600_1_INFORMATION_SECURITY",
    "MITRE_ATLAS_AML_T0068",
    "MITRE_ATLAS_AML_T0051_000",
    "EU_AI_ACT_Art15",
    "ISO_42001_A_6_2_4",
  ],
  system_prompt_leakage: [
    "OWASP_LLM07",
    "NIST_AI_600_1_INFORMATION_SECURITY",
    "MITRE_ATLAS_AML_T0056",
    "MITRE_ATLAS_AML_T0069",
    "EU_AI_ACT_Art15",
    "ISO_42001_A_6_2_4",
  ],
  sensitive_information_disclosure: [
    "OWASP_LLM02",
    "NIST_AI_600_1_DATA_PRIVACY",
    "NIST_AI_600_1_INFORMATION_SECURITY",
    "MITRE_ATLAS_AML_T0057",
    "EU_AI_ACT_Art10",
    "EU_AI_ACT_Art15",
    "ISO_42001_A_6_2_4",
  ],
  insecure_output: [
    "OWASP_LLM05",
    "NIST_AI_600_1_INFORMATION_SECURITY",
    "MITRE_ATLAS_AML_T0077",
    "EU_AI_ACT_Art15",
    "ISO_42001_A_6_2_4",
    "ISO_42001_A_6_2_5",
  ],
  excessive_agency: [
    "OWASP_LLM06",
    "OWASP_AGENTIC_ASI02",
    "NIST_AI_600_1_INFORMATION_SECURITY",
    "NIST_AI_600_1_HUMAN_AI_CONFIGURATION",
    "MITRE_ATLAS_AML_T0053",
    "EU_AI_ACT_Art14",
    "EU_AI_ACT_Art15",
    "ISO_42001_A_6_2_4",
    "ISO_42001_A_9_2",
  ],
  misinformation: [
    "OWASP_LLM09",
    "NIST_AI_600_1_CONFABULATION",
    "NIST_AI_600_1_INFORMATION_INTEGRITY",
    "MITRE_ATLAS_AML_T0062",
    "EU_AI_ACT_Art15",
    "ISO_42001_A_6_2_4",
    "ISO_42001_A_8_2",
  ],
  unbounded_consumption: [
    "OWASP_LLM10",
    "NIST_AI_600_1_INFORMATION_SECURITY",
    "NIST_AI_600_1_ENVIRONMENTAL",
    "MITRE_ATLAS_AML_T0029",
    "MITRE_ATLAS_AML_T0034",
    "EU_AI_ACT_Art15",
    "ISO_42001_A_6_2_6",
  ],
  agent_goal_hijack: [
    "OWASP_AGENTIC_ASI01",
    "OWASP_LLM01",
    "NIST_AI_600_1_INFORMATION_SECURITY",
    "MITRE_ATLAS_AML_T0051_001",
    "EU_AI_ACT_Art14",
    "EU_AI_ACT_Art15",
    "ISO_42001_A_6_2_4",
  ],
  privilege_abuse: [
    "OWASP_AGENTIC_ASI03",
    "OWASP_LLM06",
    "NIST_AI_600_1_INFORMATION_SECURITY",
    "MITRE_ATLAS_AML_T0012",
    "MITRE_ATLAS_AML_T0053",
    "EU_AI_ACT_Art14",
    "EU_AI_ACT_Art15",
    "ISO_42001_A_6_2_4",
    "ISO_42001_A_9_2",
  ],
  code_execution: [
    "OWASP_AGENTIC_ASI05",
    "OWASP_LLM05",
    "OWASP_LLM06",
    "NIST_AI_600_1_INFORMATION_SECURITY",
    "MITRE_ATLAS_AML_T0050",
    "MITRE_ATLAS_AML_T0053",
    "EU_AI_ACT_Art15",
    "ISO_42001_A_6_2_4",
  ],
  memory_poisoning: [
    "OWASP_AGENTIC_ASI06",
    "OWASP_LLM04",
    "NIST_AI_600_1_INFORMATION_INTEGRITY",
    "NIST_AI_600_1_INFORMATION_SECURITY",
    "MITRE_ATLAS_AML_T0080_000",
    "EU_AI_ACT_Art15",
    "ISO_42001_A_6_2_4",
    "ISO_42001_A_6_2_6",
  ],
  inter_agent_spoofing: [
    "OWASP_AGENTIC_ASI07",
    "OWASP_LLM01",
    "NIST_AI_600_1_INFORMATION_SECURITY",
    "NIST_AI_600_1_VALUE_CHAIN",
    "MITRE_ATLAS_AML_T0051_001",
    "EU_AI_ACT_Art15",
    "ISO_42001_A_6_2_4",
  ],
  trust_exploitation: [
    "OWASP_AGENTIC_ASI09",
    "OWASP_LLM09",
    "NIST_AI_600_1_INFORMATION_INTEGRITY",
    "NIST_AI_600_1_HUMAN_AI_CONFIGURATION",
    "MITRE_ATLAS_AML_T0052_000",
    "MITRE_ATLAS_AML_T0048",
    "EU_AI_ACT_Art14",
    "EU_AI_ACT_Art50",
    "ISO_42001_A_6_2_4",
    "ISO_42001_A_9_2",
  ],
  rogue_agent: [
    "OWASP_AGENTIC_ASI10",
    "OWASP_LLM06",
    "NIST_AI_600_1_INFORMATION_SECURITY",
    "NIST_AI_600_1_HUMAN_AI_CONFIGURATION",
    "MITRE_ATLAS_AML_T0053",
    "EU_AI_ACT_Art14",
    "EU_AI_ACT_Art15",
    "ISO_42001_A_6_2_4",
    "ISO_42001_A_6_2_6",
  ],
  // OWASP LLM01:2025 counts "generate harmful content" among prompt injection's impacts, and every
  // variant wraps its request in a jailbreak frame (a dictated opening, "no warnings").
  harmful_content: [
    "NIST_AI_600_1_DANGEROUS_CONTENT",
    "OWASP_LLM01",
    "MITRE_ATLAS_AML_T0054",
    "MITRE_ATLAS_AML_T0048",
    "EU_AI_ACT_Art15",
    "EU_AI_ACT_Art55",
    "ISO_42001_A_6_2_4",
  ],
  // OWASP LLM09:2025 names bias from training data as a source of misleading output.
  bias: [
    "NIST_AI_600_1_HARMFUL_BIAS",
    "OWASP_LLM09",
    "MITRE_ATLAS_AML_T0048_002",
    "EU_AI_ACT_Art10",
    "ISO_42001_A_5_4",
    "ISO_42001_A_6_2_4",
  ],
  // Steering an application to tasks it was not deployed for (or to praise a competitor) is prompt
  // injection's goal hijack; the AI Act's Article 13 and ISO 42001 A.9.2 tie a system to its intended use.
  off_topic: [
    "OWASP_LLM01",
    "OWASP_AGENTIC_ASI01",
    "NIST_AI_600_1_HUMAN_AI_CONFIGURATION",
    "MITRE_ATLAS_AML_T0051_000",
    "EU_AI_ACT_Art13",
    "ISO_42001_A_9_2",
    "ISO_42001_A_6_2_4",
  ],
};

/** A category's refs plus probe-specific extras, without duplicates. */
export function refsFor(category: ProbeCategory, ...extra: string[]): string[] {
  return [...new Set([...CATEGORY_REFS[category], ...extra])];
}

/** Declares a probe; `category` is checked against the known categories at compile time. */
export function probe(
  definition: Omit<Probe, "category" | "risk_refs"> & { category: ProbeCategory; extra_refs?: string[] },
): Probe {
  const { extra_refs = [], variants, success_markers, premise_terms, ...head } = definition;
  return {
    ...head,
    risk_refs: refsFor(definition.category, ...extra_refs),
    variants,
    ...(success_markers ? { success_markers } : {}),
    ...(premise_terms ? { premise_terms } : {}),
  };
}

/** The text of a conversation's last step that has one. */
export function lastStepText(steps: readonly ConversationStep[]): string {
  for (let index = steps.length - 1; index >= 0; index--) {
    const text = stepText(steps[index]!);
    if (text !== null) return text;
  }
  throw new RangeError("a conversation needs a user message or a tool result");
}

/** Declares a probe whose variants are conversations; `variants` are their last texts (see lastStepText). */
export function conversationProbe(
  definition: Omit<Probe, "category" | "risk_refs" | "variants" | "conversations"> & {
    category: ProbeCategory;
    extra_refs?: string[];
    conversations: ConversationStep[][];
  },
): Probe {
  const { conversations, ...rest } = definition;
  return {
    ...probe({ ...rest, variants: conversations.map(lastStepText) }),
    conversations,
    default_scan: definition.default_scan ?? false,
  };
}
