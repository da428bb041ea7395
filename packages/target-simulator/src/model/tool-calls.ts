// Function calling: when the request declares tools and the text the model obeys asks for one of them
// by name ("call issue_refund with reference X", "using send_email ... to a@b.example"), the naive
// model emits a real tool call, its arguments read from the text by the names of the tool's parameters.

export interface DeclaredTool {
  name: string;
  parameters: string[];
}

export interface EmittedToolCall {
  name: string;
  arguments: Record<string, string>;
}

const CALL_VERB = /\b(?:call|calls|calling|use|using|invoke|run|execute)\b/i;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function argumentValue(text: string, parameter: string): string | undefined {
  const name = parameter.replace(/_/g, "[ _]");
  const match =
    new RegExp(`\\b${name}\\s*(?:=|:)\\s*("[^"]*"|[^,;\\n]+?)(?=[,;\\n]|\\.(?:\\s|$)|$)`, "i").exec(text) ??
    new RegExp(`\\b(?:with|and) (?:the )?${name}\\s+("[^"]*"|\\S+)`, "i").exec(text) ??
    new RegExp(`\\b${name}\\s+("[^"]*"|[^\\s,;]+)`, "i").exec(text);
  const value = match?.[1]?.trim().replace(/^"|"$/g, "").replace(/[.,]$/, "");
  if (value) return value;
  // An address where the tool wants a recipient.
  if (/^(?:to|recipient|email)$/i.test(parameter)) return /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.exec(text)?.[0];
  return undefined;
}

/** The declared tools the text tells the model to call, with the arguments it gives for them. */
export function requestedToolCalls(text: string, tools: readonly DeclaredTool[]): EmittedToolCall[] {
  const calls: EmittedToolCall[] = [];
  for (const tool of tools) {
    const named = new RegExp(`\\b${escapeRegExp(tool.name)}\\b`, "i").exec(text);
    if (!named) continue;
    const around = text.slice(Math.max(0, named.index - 60), named.index + tool.name.length + 20);
    if (!CALL_VERB.test(around)) continue;
    // The arguments come from the instruction that names the tool: its line.
    const start = text.lastIndexOf("\n", named.index) + 1;
    const end = text.indexOf("\n", named.index);
    const instruction = text.slice(start, end < 0 ? undefined : end);
    const args: Record<string, string> = {};
    for (const parameter of tool.parameters) {
      const value = argumentValue(instruction, parameter);
      if (value !== undefined) args[parameter] = value;
    }
    calls.push({ name: tool.name, arguments: args });
  }
  return calls;
}
