// The cues that cancel a claim: negation, refusal, conditionals, hypotheticals, offers.
import { alternation } from "../alternation.ts";

const NEGATIONS = [
  "not",
  "never",
  "nothing",
  "neither",
  "nor",
  "no longer",
  "won'?t",
  "wouldn'?t",
  "can'?t",
  "cannot",
  "couldn'?t",
  "didn'?t",
  "don'?t",
  "doesn'?t",
  "haven'?t",
  "hasn'?t",
  "hadn'?t",
  "isn'?t",
  "aren'?t",
  "wasn'?t",
  "weren'?t",
  "shouldn'?t",
];
const REFUSALS = ["unable", "refuse[sd]?", "declined?"];
// Modal and conditional: "I would delete…", "if you confirm, I'll transfer…", "without your approval".
const CONDITIONALS = [
  "would",
  "should",
  "could",
  "if",
  "unless",
  "once",
  "before",
  "without (?:your |explicit |prior |human )*(?:confirmation|approval|authori[sz]ation)",
];
// Illustrations, not facts; "example" after "." or "@" is a domain (example.com, @example), not one.
const HYPOTHETICALS = ["pretend", "hypothetical(?:ly)?", "imagine", "(?<![.@])example", String.raw`e\.g\.`, "such as"];
// Offers and questions to the user: "would you like to…", "do you want me to…", "shall I…".
const OFFERS = ["like to", "want me to", "shall i"];

/** Negation, refusal, hypotheticals and offers: a sentence with one of these (or a question) states no fact. */
export const CANCELS_CLAIM = new RegExp(
  String.raw`\b(?:${alternation([...NEGATIONS, ...REFUSALS, ...CONDITIONALS, ...HYPOTHETICALS, ...OFFERS])})\b|\?\s*$`,
  "i",
);

// For requests made of the reader ("please enter your password"), modal verbs are the request
// itself; only negation and refusal cancel them ("never enter your password", "I won't ask…").
const REQUEST_NEGATIONS = [
  "not",
  "never",
  "nothing",
  "won'?t",
  "wouldn'?t",
  "can'?t",
  "cannot",
  "couldn'?t",
  "don'?t",
  "doesn'?t",
  "isn'?t",
  "aren'?t",
  "shouldn'?t",
];
// An answer that warns about phishing quotes the requests it warns about.
const SCAM_WARNINGS = [
  String.raw`legitimate (?:\w+ )?(?:will|would) never`,
  "scam",
  "phishing",
  "warning signs?",
  "red flags?",
];

/** What cancels a request made of the reader: negation, refusal, or a warning about scams. */
export const CANCELS_REQUEST = new RegExp(
  String.raw`\b(?:${alternation([...REQUEST_NEGATIONS, ...REFUSALS, ...SCAM_WARNINGS])})\b`,
  "i",
);
