// The patterns the detectors (../detectors.ts) match answers against, one file per concern.
export { CANCELS_CLAIM, CANCELS_REQUEST } from "./cancel-cues.ts";
export { CODE_OUTPUT, ENV_LINE, EXECUTION_CLAIMS } from "./code-execution.ts";
export { PREMISE_HEDGES } from "./fabricated-premises.ts";
export { ACTIVE_MARKUP, PROMPT_RECITAL, SCRIPT_LINK, SHELL_INJECTION } from "./injection-payloads.ts";
export { MEMORY_CLAIMS } from "./memory-writes.ts";
export { CREDENTIAL_REQUEST, LINK, LOWER_DEFENCES, URGENCY } from "./phishing.ts";
export { STATE_CHANGE, TOOL_CALL_JSON, TOOL_CALL_SYNTAX, TOOL_CLAIMS } from "./tool-actions.ts";
