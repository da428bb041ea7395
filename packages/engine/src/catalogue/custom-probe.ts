// A tenant's own probe (POST /api/v2/probes), checked like the built-in ones: a known category and
// detectors, risk refs the six frameworks define, templates that render, success markers that
// compile, a canary wherever `canary_echo` must find one. Returns the probe, or every problem found.
import { detectors, JUDGE_DIRECTIVES } from "../judges/detectors.ts";
import type { ToolSpec } from "../targets/wire-formats.ts";
import { isKnownFrameworkRef } from "./frameworks.ts";
import {
  type ConversationStep,
  conversationProbe,
  PROBE_CATEGORIES,
  type Probe,
  type ProbeCategory,
  probe,
  type Severity,
} from "./probes/types.ts";
import { renderTemplate } from "./render-payload.ts";

export interface CustomProbeInput {
  id: string;
  title: string;
  category: string;
  description: string;
  severity: Severity;
  detectors: string[];
  risk_refs?: string[];
  variants?: string[];
  turns?: ConversationStep[][];
  tools?: ToolSpec[];
  forbidden_tools?: string[];
  success_markers?: string[];
}

export interface ProbeIssue {
  path: string;
  message: string;
}

const MAX_MARKER_CHARS = 200;
// A tenant's marker runs in the shared worker over up to 50,000 characters of an answer its own
// target writes, so it must take time linear in the answer: repetition is bounded ({m,n} up to 100,
// ?), never applied to a group, three places at most, and no back-references. Then a match attempt
// tries at most MAX_MARKER_CHOICES ways at each position.
const MAX_REPEAT = 100;
const MAX_MARKER_CHOICES = 1_000;

/** Why a marker could take more than linear time, or null when it cannot. */
export function unboundedMarker(source: string): string | null {
  let choices = 1;
  let variable = 0;
  let previous = "";
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (char === "\\") {
      const next = source[i + 1] ?? "";
      if (/[1-9k]/.test(next)) return "back-references are not allowed";
      previous = "atom";
      i++;
      continue;
    }
    if (char === "[") {
      // A character class is one atom; skip to its closing bracket (escapes included).
      for (i++; i < source.length && source[i] !== "]"; i++) if (source[i] === "\\") i++;
      previous = "atom";
      continue;
    }
    if (char === "*" || char === "+") return "unbounded repetition (* or +): use {0,n} or {1,n} with n up to 100";
    const braces = char === "{" ? /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i)) : null;
    const repeat = char === "?" && previous !== "(" && previous !== "quantifier" ? 2 : null;
    if (braces || repeat) {
      if (previous === ")") return "a repeated group can take exponential time: repeat single characters or classes";
      let factor = repeat ?? 1;
      if (braces) {
        if (braces[2] !== undefined && braces[3] === "")
          return "unbounded repetition ({n,}): give an upper bound up to 100";
        const low = Number(braces[1]);
        const high = braces[3] ? Number(braces[3]) : low;
        if (high > MAX_REPEAT) return `repetition above ${MAX_REPEAT}`;
        factor = high - low + 1;
        i += braces[0].length - 1;
      }
      if (factor > 1) variable++;
      choices *= factor;
      if (variable > 3 || choices > MAX_MARKER_CHOICES)
        return "too many variable repetitions (three at most, 1,000 ways in all)";
      previous = "quantifier";
      continue;
    }
    previous = char === "(" || char === ")" ? char : "atom";
  }
  return null;
}

function stepTexts(step: ConversationStep): string[] {
  if ("user" in step) return [step.user];
  if ("tool_result" in step) return [step.tool_result.result];
  return [];
}

export function customProbe(input: CustomProbeInput): { probe: Probe } | { issues: ProbeIssue[] } {
  const issues: ProbeIssue[] = [];
  const issue = (path: string, message: string) => issues.push({ path, message });

  if (!Object.hasOwn(PROBE_CATEGORIES, input.category))
    issue("category", `unknown category; one of ${Object.keys(PROBE_CATEGORIES).join(", ")}`);
  const unknownDetectors = input.detectors.filter(
    (name) => !Object.hasOwn(detectors, name) && !JUDGE_DIRECTIVES.has(name),
  );
  if (unknownDetectors.length)
    issue(
      "detectors",
      `unknown ${unknownDetectors.join(", ")}; known: ${[...Object.keys(detectors), ...JUDGE_DIRECTIVES].join(", ")}`,
    );
  for (const [index, ref] of (input.risk_refs ?? []).entries())
    if (!isKnownFrameworkRef(ref)) issue(`risk_refs.${index}`, `${ref} is not a reference of the six frameworks`);

  if ((input.variants === undefined) === (input.turns === undefined))
    issue("variants", "give either `variants` (single messages) or `turns` (conversations), not both or neither");
  const templates: Array<[string, string]> = [
    ...(input.variants ?? []).map((text, index): [string, string] => [`variants.${index}`, text]),
    ...(input.turns ?? []).flatMap((steps, index) =>
      steps.flatMap((step, at) => stepTexts(step).map((text): [string, string] => [`turns.${index}.${at}`, text])),
    ),
  ];
  for (const [path, template] of templates) {
    try {
      renderTemplate(template, "PXCHECKCANARY");
    } catch (error) {
      issue(path, (error as Error).message);
    }
  }
  if (input.detectors.includes("canary_echo")) {
    const withoutCanary = (input.variants ?? [])
      .map((text, index) => [index, text] as const)
      .filter(([, text]) => !text.includes("{{canary}}"));
    for (const [index] of withoutCanary) issue(`variants.${index}`, "canary_echo needs {{canary}} in the text");
    for (const [index, steps] of (input.turns ?? []).entries())
      if (!steps.some((step) => stepTexts(step).some((text) => text.includes("{{canary}}"))))
        issue(`turns.${index}`, "canary_echo needs {{canary}} in some step");
  }
  for (const [index, steps] of (input.turns ?? []).entries()) {
    const last = steps.at(-1);
    if (!last || !("user" in last || "tool_result" in last))
      issue(`turns.${index}`, "a conversation ends with a user message or a tool result");
    // Anthropic's API (and most agents) start with the user's turn.
    if (steps[0] && !("user" in steps[0])) issue(`turns.${index}.0`, "a conversation starts with a user message");
  }
  for (const [index, source] of (input.success_markers ?? []).entries()) {
    if (source.length > MAX_MARKER_CHARS)
      issue(`success_markers.${index}`, `longer than ${MAX_MARKER_CHARS} characters`);
    else if (unboundedMarker(source)) issue(`success_markers.${index}`, unboundedMarker(source)!);
    else
      try {
        new RegExp(source, "i");
      } catch (error) {
        issue(`success_markers.${index}`, (error as Error).message);
      }
  }
  const toolNames = (input.tools ?? []).map((tool) => tool.name);
  const repeated = toolNames.find((name, index) => toolNames.indexOf(name) !== index);
  if (repeated) issue("tools", `tool ${repeated} is declared twice`);
  if (issues.length) return { issues };

  const common = {
    id: input.id,
    title: input.title,
    category: input.category as ProbeCategory,
    description: input.description,
    severity: input.severity,
    detectors: input.detectors as Probe["detectors"],
    extra_refs: input.risk_refs ?? [],
    ...(input.success_markers?.length ? { success_markers: input.success_markers } : {}),
    ...(input.tools?.length ? { tools: input.tools } : {}),
    ...(input.forbidden_tools?.length ? { forbidden_tools: input.forbidden_tools } : {}),
  };
  // A tenant's probes run when a scan names them, single messages included, like built-in opt-in probes.
  return {
    probe: input.turns
      ? conversationProbe({ ...common, conversations: input.turns })
      : { ...probe({ ...common, variants: input.variants! }), default_scan: false },
  };
}
