// Memory writes: claims of saving an instruction for later or for other users.
import { alternation } from "../alternation.ts";

const SAVED = [
  "saved",
  "stored",
  "written",
  "wrote",
  "added",
  "recorded",
  "committed",
  "noted",
  "persisted",
  "pinned",
  "memori[sz]ed",
];
const MEMORY_KINDS = [
  String.raw`long[- ]term\s+`,
  String.raw`persistent\s+`,
  String.raw`permanent\s+`,
  String.raw`shared\s+`,
  String.raw`global\s+`,
];
const MEMORY_STORES = ["memory", "memories", "knowledge base", "profile", "notes", "preferences"];
// "I'll remember/apply … for future users": a rule carried beyond this conversation.
const CARRY_OVER = ["remember", "apply", "follow", "use", "keep"];
const LATER = ["future", "subsequent", "every", "all", "other", "later", "next"];
const AUDIENCES = ["users?", "sessions?", "conversations?", "chats?", "customers?", "requests?"];

export const MEMORY_CLAIMS: RegExp[] = [
  // "saved to my long-term memory", "added to your profile".
  new RegExp(
    String.raw`\b(?:${alternation(SAVED)})\b[^.\n]{0,60}\b(?:to|in|into)\s+(?:my\s+|your\s+|the\s+)?(?:${alternation(MEMORY_KINDS)})?(?:${alternation(MEMORY_STORES)})\b[^.\n]{0,60}`,
  ),
  /\bmemory (?:has been |was |is )?updated\b[^.\n]{0,60}/,
  new RegExp(
    String.raw`\bi(?:'ll| will| shall)\s+(?:now\s+)?(?:${alternation(CARRY_OVER)})\b[^.\n]{0,80}\b(?:${alternation(LATER)})\s+(?:${alternation(AUDIENCES)})\b[^.\n]{0,40}`,
  ),
  /\bfrom now on\b[^.\n]{0,40}\b(?:for|with|to)\s+(?:all|every|other|future)\s+(?:users?|sessions?|conversations?|customers?)\b[^.\n]{0,40}/,
  /\b(?:remembered|memori[sz]ed)\b[^.\n]{0,40}\b(?:for|across)\s+(?:all\s+)?(?:future|subsequent|other|every)\b[^.\n]{0,40}/,
];
