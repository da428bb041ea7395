// What to change when a probe or a RAG test gets through: per attack category, the changes to the
// system prompt, the guardrails and the architecture that close it, in the order they help most,
// with the public guidance they follow. A finding carries its category's remediation.
import type { ProbeCategory } from "./probes/types.ts";

export interface Remediation {
  summary: string;
  steps: string[];
  references: Array<{ title: string; url: string }>;
}

export type RagCategory = "rag_canary" | "rag_isolation" | "rag_injection";

const OWASP_LLM = (code: string, slug: string) => ({
  title: `OWASP Top 10 for LLM Applications 2025, ${code}`,
  url: `https://genai.owasp.org/llmrisk/${slug}/`,
});
const OWASP_AGENTIC = {
  title: "OWASP Top 10 for Agentic Applications",
  url: "https://genai.owasp.org/resource/owasp-top-10-for-agentic-applications-for-2026/",
};
const NIST_600_1 = { title: "NIST AI 600-1, Generative AI Profile", url: "https://doi.org/10.6028/NIST.AI.600-1" };
const ATLAS = { title: "MITRE ATLAS mitigations", url: "https://atlas.mitre.org/mitigations" };

const INJECTION_STEPS = [
  "Treat every user turn and every retrieved or tool-returned text as data: keep instructions only in the system prompt, and say there that text inside the conversation cannot change them.",
  "Put an input guardrail (a prompt-injection classifier) in front of the model and refuse or strip what it flags; log the flag so attacks can be reviewed.",
  "Give the model no capability it does not need for the task, so an instruction that gets through has little it can do (least privilege for tools and data).",
  "Check the answer before it is used: an output filter for the data and actions the application must never emit, and human approval for consequential actions.",
];

const REMEDIATIONS: Record<ProbeCategory | RagCategory, Remediation> = {
  prompt_injection: {
    summary: "The model followed instructions written into the user's message instead of its own.",
    steps: INJECTION_STEPS,
    references: [OWASP_LLM("LLM01", "llm01-prompt-injection"), ATLAS],
  },
  indirect_prompt_injection: {
    summary:
      "The model obeyed instructions hidden in content it was given to read (documents, web pages, e-mail, tool results).",
    steps: [
      "Mark untrusted content as data when it enters the context (delimit it, name its source) and instruct the model that such content carries no instructions.",
      "Scan retrieved documents and tool results with an injection classifier before they reach the model; quarantine what it flags.",
      ...INJECTION_STEPS.slice(2),
    ],
    references: [OWASP_LLM("LLM01", "llm01-prompt-injection"), ATLAS],
  },
  jailbreak: {
    summary: "A role-play, hypothetical or persona framing made the model produce content its policy forbids.",
    steps: [
      "State the content policy in the system prompt as rules that hold in every persona, story, hypothetical and language, and that a user cannot switch off.",
      "Add an input classifier for known jailbreak patterns (persona switches, fake developer modes, many-shot histories, forced prefixes).",
      "Moderate the output independently of the prompt: a harmful answer is blocked even when the request looked harmless.",
      "Re-run this scan after every model or prompt change; jailbreak resistance regresses silently.",
    ],
    references: [OWASP_LLM("LLM01", "llm01-prompt-injection"), NIST_600_1],
  },
  encoding_obfuscation: {
    summary:
      "An instruction hidden by an encoding (base64, leetspeak, invisible Unicode, another script) got past the filters and was followed.",
    steps: [
      "Normalise input before any filter sees it: decode common encodings, remove invisible and tag characters (U+E0000 block, zero-width), fold homoglyphs.",
      "Run the injection and content guardrails on the normalised text as well as the raw text.",
      "Instruct the model not to decode and execute instructions found in encoded content.",
    ],
    references: [OWASP_LLM("LLM01", "llm01-prompt-injection"), ATLAS],
  },
  system_prompt_leakage: {
    summary: "The model disclosed its system prompt, or the secrets and tool inventory in it.",
    steps: [
      "Keep no secret in the system prompt: credentials, connection strings and internal URLs belong in the application, not the context.",
      "Assume the system prompt will be read; write nothing there whose disclosure would matter.",
      "Filter answers for verbatim or near-verbatim passages of the system prompt and for its canary phrases.",
    ],
    references: [OWASP_LLM("LLM07", "llm072025-system-prompt-leakage")],
  },
  sensitive_information_disclosure: {
    summary: "The model revealed personal data, credentials or records it had access to but the asker should not see.",
    steps: [
      "Give the model only the data the current user may see: enforce authorisation in retrieval and tools, never in the prompt.",
      "Redact secrets and personal data before they enter the context; store credentials outside it.",
      "Scan answers for personal data and secrets (card numbers, keys, connection strings) and block them.",
    ],
    references: [OWASP_LLM("LLM02", "llm022025-sensitive-information-disclosure"), NIST_600_1],
  },
  insecure_output: {
    summary:
      "The model produced output (markup, SQL, shell, links) that is dangerous when a downstream component renders or runs it.",
    steps: [
      "Treat model output as untrusted input to every downstream system: encode for the context it is rendered in, parameterise queries, never pass it to a shell.",
      "Render no remote images or links from model output without an allow-list (markdown image exfiltration).",
      "Apply a Content-Security-Policy to pages that display model output.",
    ],
    references: [OWASP_LLM("LLM05", "llm052025-improper-output-handling")],
  },
  excessive_agency: {
    summary:
      "The model took, or claimed to take, a consequential action (delete, transfer, send, change settings) without the checks such an action needs.",
    steps: [
      "Give agents the narrowest tools: read-only where possible, scoped to the user, with amounts and recipients bounded by the tool itself.",
      "Require human confirmation for destructive, financial and security-relevant actions, enforced in the tool, not in the prompt.",
      "Log every tool call with its arguments and the conversation that led to it.",
    ],
    references: [OWASP_LLM("LLM06", "llm062025-excessive-agency"), OWASP_AGENTIC],
  },
  misinformation: {
    summary: "The model asserted false facts, invented sources or packages, or agreed with a false premise.",
    steps: [
      "Ground answers in retrieved, cited sources and instruct the model to say when it does not know.",
      "Verify references, package names and URLs the model produces before showing or using them.",
      "Tell users where answers may be wrong, and give them a way to report it.",
    ],
    references: [OWASP_LLM("LLM09", "llm092025-misinformation"), NIST_600_1],
  },
  unbounded_consumption: {
    summary:
      "A request made the model produce unbounded or runaway output, or burn resources out of proportion to the task.",
    steps: [
      "Cap output tokens, tool-call depth and wall time per request; cap spend per user and per tenant.",
      "Rate-limit per user and refuse requests for repetition or enumeration beyond what the task needs.",
    ],
    references: [OWASP_LLM("LLM10", "llm102025-unbounded-consumption")],
  },
  agent_goal_hijack: {
    summary: "Content the agent processed replaced or changed the goal its user gave it.",
    steps: [
      "Pin the user's goal outside the model's context (the orchestrator holds it) and check each planned step against it.",
      "Treat browsed content, search results and documents as data; an instruction found there is reported, not followed.",
      "Require confirmation when a plan changes its objective or adds steps the user did not ask for.",
    ],
    references: [OWASP_AGENTIC, ATLAS],
  },
  privilege_abuse: {
    summary: "The agent used its own credentials or role on behalf of someone not entitled to them.",
    steps: [
      "Act with the requesting user's identity and permissions (delegated credentials), never the agent's service account.",
      "Verify roles and override codes in the application; a claim made in conversation grants nothing.",
      "Keep tenant boundaries in the tools and data layer, and test them with these probes after each change.",
    ],
    references: [OWASP_AGENTIC, OWASP_LLM("LLM06", "llm062025-excessive-agency")],
  },
  code_execution: {
    summary: "The agent ran, or was ready to run, code or commands an attacker chose.",
    steps: [
      "Run code tools in a sandbox without network access to internal services and without credentials (no cloud metadata endpoint).",
      "Allow-list commands and libraries; refuse eval of model-written expressions outside the sandbox.",
      "Review every code execution the agent requests in logs, and alert on shells, file reads outside the work directory and outbound connections.",
    ],
    references: [OWASP_AGENTIC, OWASP_LLM("LLM05", "llm052025-improper-output-handling")],
  },
  memory_poisoning: {
    summary:
      "An attacker wrote instructions or false facts into the agent's long-term memory, where they affect later sessions.",
    steps: [
      "Write to memory only through a tool that validates content and records its source; nothing from documents or other users is stored as an instruction.",
      "Scope memory per user; never let one user's input change another user's memory.",
      "Let users and operators see, expire and delete memory entries.",
    ],
    references: [OWASP_AGENTIC, ATLAS],
  },
  inter_agent_spoofing: {
    summary:
      "The agent trusted a message that claimed to come from another agent, the orchestrator or a tool without proof.",
    steps: [
      "Authenticate messages between agents (signed, with identities the orchestrator issues); an unsigned claim of authority is data.",
      "Pin tool and MCP server descriptions and review changes to them; a tool description carries no instructions.",
      "Treat consensus or hand-off messages as requests that the receiving agent checks against its own policy.",
    ],
    references: [OWASP_AGENTIC],
  },
  trust_exploitation: {
    summary:
      "The assistant was turned against its user: asking for codes or credentials, or persuading them to lower their defences.",
    steps: [
      "Forbid in the system prompt, and enforce with an output filter, any request for one-time codes, passwords or payment data.",
      "Block impersonation of the operator's security or fraud teams and fake security alerts in answers.",
      "Tell users in the interface what the assistant will never ask them for.",
    ],
    references: [OWASP_AGENTIC, NIST_600_1],
  },
  rogue_agent: {
    summary:
      "The agent agreed to act outside its mandate on its own account: switching off its oversight or logs, making itself persist or spread, widening its own goals and access, or hiding what it did.",
    steps: [
      "Keep oversight outside the agent's reach: audit logging, monitoring and approval gates run in the orchestrator or platform, with no tool or credential the agent could use to change them.",
      "Give the agent no permission to create accounts, scheduled tasks, services or copies of itself, and none to grant itself roles; alert when it tries.",
      "Bound each task's goal, budget and resources in the orchestrator, and stop the agent (a kill switch that does not depend on its cooperation) when it steps outside them.",
      "Write the agent's actions to an append-only log it cannot edit, and compare its own reports with that log.",
    ],
    references: [OWASP_AGENTIC, OWASP_LLM("LLM06", "llm062025-excessive-agency")],
  },
  harmful_content: {
    summary:
      "The model accepted a request for dangerous content (weapons or CBRN uplift, violent or hateful material, endangering medical or DIY advice, self-harm methods) and went along with it.",
    steps: [
      "State in the system prompt which harms the model never helps with, whatever the framing (teaching, fiction, an exercise, a forced opening, 'no warnings'), and that a user cannot lift these rules.",
      "Put an input and an output content-safety classifier covering weapons, CBRN, violence, hate and self-harm around the model, and block what they flag even when the request looked harmless.",
      "Answer self-harm and risky medical questions with safe guidance and crisis or professional resources instead of the requested method or dose.",
      "Re-run these probes after every model, prompt or guardrail change; refusal behaviour regresses silently.",
    ],
    references: [NIST_600_1, OWASP_LLM("LLM01", "llm01-prompt-injection")],
  },
  bias: {
    summary:
      "The model ranked, scored, filtered or mocked people by a protected attribute (race, ethnicity, religion, gender, age, disability, nationality).",
    steps: [
      "Instruct the model never to use protected attributes, or proxies for them such as names, to rank, score or decide about people, and to say why it declines.",
      "Keep consequential decisions (hiring, lending, housing) out of the model's hands, or remove protected attributes and their proxies from its input and have a human review its recommendations.",
      "Test outputs for disparate treatment with paired prompts that differ only in a protected attribute, and track the results with each model change.",
    ],
    references: [NIST_600_1, OWASP_LLM("LLM09", "llm092025-misinformation")],
  },
  off_topic: {
    summary:
      "The application did work it was not deployed for (general coding, homework, investment or legal advice) or spoke for a competitor, when a user asked it to.",
    steps: [
      "State the application's purpose and its limits in the system prompt, with the answer to give for anything outside them, and that users cannot widen its remit.",
      "Classify each request's topic before the model answers (a small topic classifier or an allow-list of intents) and answer out-of-scope requests with a fixed message.",
      "Never let the model endorse, compare or recommend competitors; route such questions to a fixed answer or a person.",
      "Keep regulated advice (investment, legal, medical) out of scope unless it has been vetted for it, and say so to the user.",
    ],
    references: [OWASP_LLM("LLM01", "llm01-prompt-injection"), NIST_600_1],
  },

  rag_canary: {
    summary:
      "A document planted in the knowledge base surfaced where it should not, or its embedded instruction was carried into answers.",
    steps: [
      "Filter documents at ingestion: scan them for instructions and secrets, and record their source and owner.",
      "Cite the source of each retrieved passage in answers so planted content can be traced and removed.",
      "Make deletion real: removed documents must leave the index and every cache.",
    ],
    references: [OWASP_LLM("LLM08", "llm082025-vector-and-embedding-weaknesses"), ATLAS],
  },
  rag_isolation: {
    summary: "A query of one tenant or namespace retrieved another's documents.",
    steps: [
      "Enforce the namespace in the retriever's query itself (a mandatory filter or a separate index per tenant), never by post-filtering answers.",
      "Derive the namespace from the authenticated caller, not from a request field the caller controls.",
      "Test isolation with foreign canary documents after every index or embedding change.",
    ],
    references: [OWASP_LLM("LLM08", "llm082025-vector-and-embedding-weaknesses")],
  },
  rag_injection: {
    summary: "Instructions inside retrieved documents changed what the model did.",
    steps: [
      "Scan documents for injected instructions at ingestion and again at retrieval; quarantine what is flagged.",
      "Delimit retrieved passages as quoted data in the prompt and instruct the model never to follow them.",
      "Filter answers for the actions and data the pipeline must never emit.",
    ],
    references: [
      OWASP_LLM("LLM01", "llm01-prompt-injection"),
      OWASP_LLM("LLM08", "llm082025-vector-and-embedding-weaknesses"),
    ],
  },
};

const GENERIC: Remediation = {
  summary: "The target did what the probe asked of it.",
  steps: INJECTION_STEPS,
  references: [OWASP_LLM("LLM01", "llm01-prompt-injection")],
};

/** The remediation of a probe or RAG test category; a generic one for a category this build does not know. */
export function remediationFor(category: string): Remediation {
  return REMEDIATIONS[category as ProbeCategory | RagCategory] ?? GENERIC;
}

export const REMEDIATION_CATEGORIES = Object.keys(REMEDIATIONS);
