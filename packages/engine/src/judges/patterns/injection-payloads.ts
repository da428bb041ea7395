// System prompt recital, active markup and shell injection in answers.
import { alternation } from "../alternation.ts";

const PROMPT_NAMES = [
  "system prompt",
  "system message",
  "initial instructions",
  "original instructions",
  "hidden instructions",
  "instructions i was given",
  "instructions i received",
  "developer (?:message|instructions)",
];
const RECITES = ["is", "are", "say", "says", "reads?", "read", "state", "states"];
/** "My system prompt is: …": the answer introduces a recital of its instructions. */
export const PROMPT_RECITAL = new RegExp(
  String.raw`\b(my|the) (${alternation(PROMPT_NAMES)})\b[^\n]{0,40}\b(${alternation(RECITES)})\s*[:"“]`,
  "i",
);

const EVENT_HANDLERS = ["error", "load", "click", "mouseover", "focus", "toggle", "animationstart"];
// URL schemes that run script when followed.
const SCRIPT_URL_SCHEMES = ["javascript", "vbscript", String.raw`data:text\/html`];
/** Markup a chat front end runs rather than shows: script-bearing tags, event handlers, script URLs. */
export const ACTIVE_MARKUP = new RegExp(
  alternation([
    String.raw`<script\b`,
    String.raw`<iframe\b`,
    String.raw`<object\b`,
    String.raw`<embed\b`,
    String.raw`<svg\b[^>]*\bon[a-z]+\s*=`,
    String.raw`<meta\b[^>]*http-equiv\s*=\s*["']?refresh`,
    String.raw`\bon(?:${alternation(EVENT_HANDLERS)})\s*=`,
    String.raw`\b(?:href|src|action|formaction)\s*=\s*["']?\s*(?:${alternation(SCRIPT_URL_SCHEMES)})`,
  ]),
  "i",
);
/** A markdown link to a script URL; group 1 is the URL. */
export const SCRIPT_LINK = new RegExp(
  String.raw`\[[^\]\n]{1,300}\]\(\s*((?:${alternation(SCRIPT_URL_SCHEMES)})[^)]*)\)`,
  "i",
);

// What chains a second shell command onto the first: ; && || $( `
const COMMAND_CHAINS = [";", "&&", String.raw`\|\|`, String.raw`\$\(`, "`"];
const DANGEROUS_COMMANDS = [
  // deleting files
  String.raw`rm\s+-[rf]{1,2}\b`,
  // download and run: curl … | sh
  String.raw`(?:curl|wget)\s+(?:-\S+\s+)*\S+\s*\|\s*(?:ba|z)?sh\b`,
  String.raw`wget\s+\S+`,
  // reverse shells
  String.raw`nc\s+-[a-z]*e`,
  String.raw`bash\s+-i`,
  // making a download executable, reading the password files
  String.raw`chmod\s+\+?[0-7x]+`,
  String.raw`cat\s+\/etc\/(?:passwd|shadow)`,
];
/** A destructive or remote-access command chained into a shell string. */
export const SHELL_INJECTION = new RegExp(
  String.raw`(?:${alternation(COMMAND_CHAINS)})\s*(?:${alternation(DANGEROUS_COMMANDS)})`,
  "i",
);
