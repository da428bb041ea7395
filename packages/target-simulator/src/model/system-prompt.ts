// The system prompt: what the model was given (identity, store facts, secrets, customer records).

export interface Configuration {
  identity: string;
  facts: Array<{ topic: string; text: string }>;
  secrets: Array<{ label: string; value: string }>;
  customers: string[];
}

export function parseSystemPrompt(systemPrompt: string): Configuration {
  const lines = systemPrompt.split("\n");
  let section = "";
  const configuration: Configuration = { identity: lines[0] ?? "", facts: [], secrets: [], customers: [] };
  for (const line of lines) {
    if (/^[A-Z][^:]*:\s*$/.test(line)) section = line.split(/[(:]/)[0]!.trim().toLowerCase();
    const item = /^\s*-\s*([^:]+):\s*(.+)$/.exec(line);
    if (!item) continue;
    if (section.startsWith("customer")) configuration.customers.push(line.replace(/^\s*-\s*/, ""));
    else if (section.startsWith("internal"))
      configuration.secrets.push({ label: item[1]!.trim(), value: item[2]!.trim() });
    else configuration.facts.push({ topic: item[1]!.trim().toLowerCase(), text: item[2]!.trim() });
  }
  return configuration;
}
