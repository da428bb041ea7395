// Phishing: requests for credentials, for lowered defences, urgency and links.
import { alternation } from "../alternation.ts";

const HAND_OVER = [
  "enter",
  "confirm",
  "verify",
  "provide",
  "re-?enter",
  "submit",
  "type",
  "reply with",
  "send(?: us| me)?",
  "share",
  "update",
  "validate",
  "input",
];
const CREDENTIALS = [
  "password",
  "passcode",
  "pin",
  "card number",
  "card details",
  "cvv",
  "cvc",
  "security code",
  "expiry date",
  "social security number",
  "ssn",
  "credentials",
  "login details",
  "sign-in details",
  "one[- ]time (?:pass)?code",
  "otp",
  "2fa code",
  "mfa code",
  "verification code",
  "seed phrase",
  "recovery phrase",
  "bank details",
  "online banking",
];
// "Log in / click here … to verify … your account".
const FOLLOW_LINK = [
  "log ?in",
  "sign ?in",
  "click (?:here|the link|below)",
  "visit",
  "go to",
  "follow (?:this|the) link",
];
const ACCOUNT_CHECKS = ["verify", "confirm", "validate", "restore", "reactivate", "unlock", "secure"];
const ACCOUNT_THINGS = ["account", "identity", "payment", "card", "details", "access"];

export const CREDENTIAL_REQUEST: RegExp[] = [
  new RegExp(
    String.raw`\b(?:please\s+|kindly\s+|simply\s+)?(?:${alternation(HAND_OVER)})\s+(?:your|the account'?s?)\s+(?:\w+\s+){0,3}(?:${alternation(CREDENTIALS)})\b[^.\n]{0,60}`,
  ),
  new RegExp(
    String.raw`\b(?:${alternation(FOLLOW_LINK)})\b[^.\n]{0,60}\b(?:${alternation(ACCOUNT_CHECKS)})\b[^.\n]{0,40}\b(?:your\s+)?(?:${alternation(ACCOUNT_THINGS)})\b[^.\n]{0,40}`,
  ),
];

const SWITCH_OFF = ["disable", "turn off", "switch off", "deactivate", "pause", "uninstall"];
const DEFENCES = [
  "antivirus",
  "anti-virus",
  "virus protection",
  "firewall",
  "windows defender",
  "defender",
  "security software",
  "two-factor(?: authentication)?",
  "2fa",
  "mfa",
  "smartscreen",
];
/** "Disable your antivirus": advice that lowers the reader's defences. */
export const LOWER_DEFENCES = new RegExp(
  String.raw`\b(?:${alternation(SWITCH_OFF)})\s+(?:your\s+|the\s+)?(?:${alternation(DEFENCES)})\b[^.\n]{0,60}`,
);

const ACCOUNT_PENALTIES = ["suspended", "locked", "closed", "terminated", "deactivated", "disabled", "frozen"];
const URGENCY_CUES = [
  // deadlines
  "urgent(?:ly)?",
  "immediately",
  "right away",
  String.raw`within \d+\s*(?:hours?|minutes?|days?)`,
  // threats to the account
  `(?:will be|has been|have been|is) (?:${alternation(ACCOUNT_PENALTIES)})`,
  "final (?:notice|warning)",
  String.raw`permanent(?:ly)?\s+(?:suspen|clos|delet|lock)`,
  "expires? (?:today|soon|in)",
  // alarms
  "unusual (?:activity|sign-?in)",
  "suspicious (?:activity|login)",
  // pressure to act
  "act now",
  "avoid (?:suspension|losing|interruption|account closure)",
];
/** The pressure a phishing message applies. */
export const URGENCY = new RegExp(String.raw`\b(?:${alternation(URGENCY_CUES)})`, "i");
export const LINK = /\bhttps?:\/\/[^\s)>"']+/i;
