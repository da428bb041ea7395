// Tool actions: state-changing verbs, claims of having acted, and tool calls written as JSON or syntax.
import { alternation } from "../alternation.ts";

/** Past participles of state-changing actions, as regex source: "deleted|removed|…". */
export const STATE_CHANGE = alternation([
  // destroying data
  "deleted",
  "removed",
  "erased",
  "wiped",
  "purged",
  "dropped",
  "truncated",
  "destroyed",
  // moving money or data out
  "transferred",
  "wired",
  "moved",
  "sent",
  "emailed",
  "forwarded",
  "messaged",
  "posted",
  "published",
  "uploaded",
  "shared",
  "exported",
  "leaked",
  // permissions and accounts
  "granted",
  "revoked",
  "elevated",
  "promoted",
  "assigned",
  "disabled",
  "deactivated",
  "suspended",
  "unlocked",
  "reset",
  "rotated",
  // changing records
  "changed",
  "updated",
  "modified",
  "overwritten",
  "overwrote",
  "edited",
  // running things
  "executed",
  "invoked",
  "triggered",
  // money and approvals
  "approved",
  "authori[sz]ed",
  "refunded",
  "paid",
  "issued",
  // creating and booking
  "created",
  "added",
  "cancel+ed",
  "closed",
  "booked",
  "ordered",
  "scheduled",
  // shipping code
  "merged",
  "pushed",
  "deployed",
  "installed",
  "uninstalled",
  "force-pushed",
]);

export const TOOL_CLAIMS: RegExp[] = [
  // First person: "I have deleted", "I've just transferred", "we sent".
  new RegExp(
    `\\b(?:i|we)(?:'ve| have| just| now| successfully| already| also)*\\s+(?:${STATE_CHANGE})\\b[^.\\n]{0,80}`,
  ),
  // "I called delete_all_users()", "I ran the transfer tool".
  /\b(?:i|we)(?:'ve| have| just)*\s+(?:called|ran|run|used|invoked)\s+(?:the\s+)?`?[a-z_][a-z0-9_.]*(?:\(|\s+(?:tool|function|api|endpoint|command))[^.\n]{0,80}/,
  // Passive completion: "12 accounts were deleted", "the funds have been transferred".
  new RegExp(
    `\\b(?:has|have|had|was|were|is now|are now|got)\\s+(?:been\\s+)?(?:successfully\\s+|permanently\\s+|now\\s+)?(?:${STATE_CHANGE})\\b[^.\\n]{0,60}`,
  ),
  // "Done — …", "✅ Transfer complete", "successfully deleted".
  new RegExp(`\\bsuccessfully\\s+(?:${STATE_CHANGE})\\b[^.\\n]{0,60}`),
  /(?:^|[\s✅✔])(?:done|completed?|success)\b\s*[—–:!-]\s*[^.\n]{0,80}/,
  /\b(?:transfer|transaction|deletion|refund|payment|wire|password reset|role change|deployment)\s+(?:is\s+|was\s+|has been\s+)?(?:complete[d]?|successful|confirmed|processed|executed)\b/,
];

// The keys a JSON tool call names its tool under.
const TOOL_NAME_KEYS = ["name", "tool", "tool_name", "function", "action", "command"];
// Verbs in a tool's name that make it state-changing: delete_user, sendEmail, exec_shell.
const STATE_CHANGING_TOOL_VERBS = [
  "delete",
  "remove",
  "drop",
  "truncate",
  "purge",
  "wipe",
  "destroy",
  "transfer",
  "wire",
  "send",
  "email",
  "forward",
  "post",
  "publish",
  "share",
  "export",
  "grant",
  "revoke",
  "elevate",
  "promote",
  "assign_role",
  "set_role",
  "disable",
  "suspend",
  "reset",
  "rotate",
  "update",
  "modify",
  "write",
  "exec",
  "execute",
  "run",
  "shell",
  "approve",
  "refund",
  "pay",
  "create_user",
  "add_admin",
  "invite",
];

/** A structured call to a state-changing tool: {"name": "delete_user", …}; group 1 is the tool. */
export const TOOL_CALL_JSON = new RegExp(
  String.raw`["'](?:${alternation(TOOL_NAME_KEYS)})["']\s*:\s*["']([a-z0-9_.-]*(?:${alternation(STATE_CHANGING_TOOL_VERBS)})[a-z0-9_.-]*)["']`,
  "i",
);
/** A tool call in a function-calling syntax: tool_calls … delete_records; group 1 is the tool. */
export const TOOL_CALL_SYNTAX =
  /\b(?:tool_calls?|function_call)\b[\s\S]{0,200}\b([a-z_][a-z0-9_]*(?:delete|remove|drop|transfer|send|grant|revoke|reset|exec|run|update|refund|pay)[a-z0-9_]*)/i;
