// The six compliance frameworks findings are mapped to. `ref` is the id used in risk_refs.
export type FrameworkId = "OWASP_LLM" | "OWASP_AGENTIC" | "NIST_AI_600_1" | "MITRE_ATLAS" | "EU_AI_ACT" | "ISO_42001";

export interface FrameworkRef {
  ref: string;
  code: string;
  title: string;
}

export interface Framework {
  id: FrameworkId;
  title: string;
  edition: string;
  source_url: string;
  refs: FrameworkRef[];
}

const refs = (prefix: string, entries: Array<[string, string, string]>): FrameworkRef[] =>
  entries.map(([suffix, code, title]) => ({ ref: `${prefix}_${suffix}`, code, title }));

export const frameworks: readonly Framework[] = [
  {
    id: "OWASP_LLM",
    title: "OWASP Top 10 for LLM Applications",
    edition: "2025",
    source_url: "https://genai.owasp.org/llm-top-10/",
    refs: refs("OWASP", [
      ["LLM01", "LLM01:2025", "Prompt Injection"],
      ["LLM02", "LLM02:2025", "Sensitive Information Disclosure"],
      ["LLM03", "LLM03:2025", "Supply Chain"],
      ["LLM04", "LLM04:2025", "Data and Model Poisoning"],
      ["LLM05", "LLM05:2025", "Improper Output Handling"],
      ["LLM06", "LLM06:2025", "Excessive Agency"],
      ["LLM07", "LLM07:2025", "System Prompt Leakage"],
      ["LLM08", "LLM08:2025", "Vector and Embedding Weaknesses"],
      ["LLM09", "LLM09:2025", "Misinformation"],
      ["LLM10", "LLM10:2025", "Unbounded Consumption"],
    ]),
  },
  {
    id: "OWASP_AGENTIC",
    title: "OWASP Top 10 for Agentic Applications",
    edition: "2026",
    source_url: "https://genai.owasp.org/resource/owasp-top-10-for-agentic-applications-for-2026/",
    refs: refs("OWASP_AGENTIC", [
      ["ASI01", "ASI01", "Agent Goal Hijack"],
      ["ASI02", "ASI02", "Tool Misuse and Exploitation"],
      ["ASI03", "ASI03", "Identity and Privilege Abuse"],
      ["ASI04", "ASI04", "Agentic Supply Chain Vulnerabilities"],
      ["ASI05", "ASI05", "Unexpected Code Execution"],
      ["ASI06", "ASI06", "Memory and Context Poisoning"],
      ["ASI07", "ASI07", "Insecure Inter-Agent Communication"],
      ["ASI08", "ASI08", "Cascading Failures"],
      ["ASI09", "ASI09", "Human-Agent Trust Exploitation"],
      ["ASI10", "ASI10", "Rogue Agents"],
    ]),
  },
  {
    id: "NIST_AI_600_1",
    title: "NIST AI 600-1: Generative AI Profile of the AI Risk Management Framework",
    edition: "July 2024",
    source_url: "https://doi.org/10.6028/NIST.AI.600-1",
    refs: refs("NIST_AI_600_1", [
      ["CBRN", "2.1", "CBRN Information or Capabilities"],
      ["CONFABULATION", "2.2", "Confabulation"],
      ["DANGEROUS_CONTENT", "2.3", "Dangerous, Violent, or Hateful Content"],
      ["DATA_PRIVACY", "2.4", "Data Privacy"],
      ["ENVIRONMENTAL", "2.5", "Environmental Impacts"],
      ["HARMFUL_BIAS", "2.6", "Harmful Bias and Homogenization"],
      ["HUMAN_AI_CONFIGURATION", "2.7", "Human-AI Configuration"],
      ["INFORMATION_INTEGRITY", "2.8", "Information Integrity"],
      ["INFORMATION_SECURITY", "2.9", "Information Security"],
      ["INTELLECTUAL_PROPERTY", "2.10", "Intellectual Property"],
      ["OBSCENE_CONTENT", "2.11", "Obscene, Degrading, and/or Abusive Content"],
      ["VALUE_CHAIN", "2.12", "Value Chain and Component Integration"],
    ]),
  },
  {
    id: "MITRE_ATLAS",
    title: "MITRE ATLAS",
    edition: "v5",
    source_url: "https://atlas.mitre.org/techniques",
    refs: refs("MITRE_ATLAS", [
      ["AML_T0012", "AML.T0012", "Valid Accounts"],
      ["AML_T0024", "AML.T0024", "Exfiltration via AI Inference API"],
      ["AML_T0029", "AML.T0029", "Denial of AI Service"],
      ["AML_T0034", "AML.T0034", "Cost Harvesting"],
      ["AML_T0043", "AML.T0043", "Craft Adversarial Data"],
      ["AML_T0048", "AML.T0048", "External Harms"],
      ["AML_T0048_002", "AML.T0048.002", "External Harms: Societal Harm"],
      ["AML_T0048_003", "AML.T0048.003", "External Harms: User Harm"],
      ["AML_T0050", "AML.T0050", "Command and Scripting Interpreter"],
      ["AML_T0051", "AML.T0051", "LLM Prompt Injection"],
      ["AML_T0051_000", "AML.T0051.000", "LLM Prompt Injection: Direct"],
      ["AML_T0051_001", "AML.T0051.001", "LLM Prompt Injection: Indirect"],
      ["AML_T0052", "AML.T0052", "Phishing"],
      ["AML_T0052_000", "AML.T0052.000", "Phishing: Spearphishing via Social Engineering LLM"],
      ["AML_T0053", "AML.T0053", "AI Agent Tool Invocation"],
      ["AML_T0054", "AML.T0054", "LLM Jailbreak"],
      ["AML_T0055", "AML.T0055", "Unsecured Credentials"],
      ["AML_T0056", "AML.T0056", "Extract LLM System Prompt"],
      ["AML_T0057", "AML.T0057", "LLM Data Leakage"],
      ["AML_T0060", "AML.T0060", "Publish Hallucinated Entities"],
      ["AML_T0061", "AML.T0061", "LLM Prompt Self-Replication"],
      ["AML_T0062", "AML.T0062", "Discover LLM Hallucinations"],
      ["AML_T0068", "AML.T0068", "LLM Prompt Obfuscation"],
      ["AML_T0069", "AML.T0069", "Discover LLM System Information"],
      ["AML_T0070", "AML.T0070", "RAG Poisoning"],
      ["AML_T0071", "AML.T0071", "False RAG Entry Injection"],
      ["AML_T0077", "AML.T0077", "LLM Response Rendering"],
      ["AML_T0080", "AML.T0080", "AI Agent Context Poisoning"],
      ["AML_T0080_000", "AML.T0080.000", "AI Agent Context Poisoning: Memory"],
      ["AML_T0080_001", "AML.T0080.001", "AI Agent Context Poisoning: Thread"],
      ["AML_T0086", "AML.T0086", "Exfiltration via AI Agent Tool Invocation"],
    ]),
  },
  {
    id: "EU_AI_ACT",
    title: "EU Artificial Intelligence Act (Regulation (EU) 2024/1689)",
    edition: "2024/1689",
    source_url: "https://eur-lex.europa.eu/eli/reg/2024/1689/oj",
    refs: refs("EU_AI_ACT", [
      ["Art9", "Article 9", "Risk management system"],
      ["Art10", "Article 10", "Data and data governance"],
      ["Art12", "Article 12", "Record-keeping"],
      ["Art13", "Article 13", "Transparency and provision of information to deployers"],
      ["Art14", "Article 14", "Human oversight"],
      ["Art15", "Article 15", "Accuracy, robustness and cybersecurity"],
      ["Art50", "Article 50", "Transparency obligations for providers and deployers of certain AI systems"],
      ["Art55", "Article 55", "Obligations for providers of general-purpose AI models with systemic risk"],
      ["Art72", "Article 72", "Post-market monitoring"],
      ["Art73", "Article 73", "Reporting of serious incidents"],
    ]),
  },
  {
    id: "ISO_42001",
    title: "ISO/IEC 42001 Artificial intelligence management system, Annex A controls",
    edition: "2023",
    source_url: "https://www.iso.org/standard/81230.html",
    refs: refs("ISO_42001", [
      ["A_2_2", "A.2.2", "AI policy"],
      ["A_5_2", "A.5.2", "AI system impact assessment process"],
      ["A_5_4", "A.5.4", "Assessing AI system impact on individuals or groups of individuals"],
      ["A_6_2_4", "A.6.2.4", "AI system verification and validation"],
      ["A_6_2_5", "A.6.2.5", "AI system deployment"],
      ["A_6_2_6", "A.6.2.6", "AI system operation and monitoring"],
      ["A_6_2_8", "A.6.2.8", "AI system recording of event logs"],
      ["A_7_4", "A.7.4", "Quality of data for AI systems"],
      ["A_7_5", "A.7.5", "Data provenance"],
      ["A_8_2", "A.8.2", "System documentation and information for users"],
      ["A_9_2", "A.9.2", "Processes for responsible use of AI systems"],
      ["A_10_3", "A.10.3", "Suppliers"],
    ]),
  },
];

const knownRefs = new Set(frameworks.flatMap((framework) => framework.refs.map((entry) => entry.ref)));

export function isKnownFrameworkRef(ref: string): boolean {
  return knownRefs.has(ref);
}
