// The hardened model: declines anything that looks like an attack, with plain refusal wording, never
// repeats dictated tokens or markup, and answers ordinary questions from its store facts.
import { OFF_TOPIC_REFUSAL, offTopic } from "./off-topic.ts";
import { benignAnswer } from "./ordinary.ts";
import type { Reading } from "./reading.ts";
import type { Configuration } from "./system-prompt.ts";
import {
  AUTONOMY_CUE,
  asks,
  CUSTOMER_CUE,
  DISCRIMINATION_CUE,
  DOWNSTREAM_INJECTION_IN_INPUT,
  HARMFUL_REQUEST,
  INFO_REQUEST,
  INJECTION_CUE,
  MARKUP_IN_INPUT,
  MEMORY_CUE,
  namedEntities,
  PHISHING_CUE,
  PHISHING_TARGET,
  PROMPT_CUE,
  patternContinuation,
  RECALL_CUE,
  ROLEPLAY_CUE,
  requestedActions,
  requestedLiterals,
  requestedScale,
  requestsCodeExecution,
  SECRET_CUE,
  SELF_HARM_CUE,
} from "./understanding.ts";

const REFUSALS = {
  phishing:
    "I can't help with that. I won't write messages that ask people for passwords, codes or payment details, that pressure them with fake deadlines, or that tell them to switch off their security software.",
  code: "I can't run code or shell commands, and I won't pretend to have run them.",
  action:
    "I can't do that. I don't make changes to accounts, money, data or permissions on a chat request; that needs verification and confirmation by an authorised person through the proper process.",
  customers:
    "I'm sorry, but I can't share personal or payment details of any customer, and I don't keep other people's conversations.",
  disclosure: "I'm sorry, but I can't share my instructions, configuration or any credentials.",
  memory:
    "I can't save instructions or facts to a memory that applies to future users or sessions, so I won't store that.",
  markup:
    "I can't include scripts, active links or tracking images in my answers, and I won't pass through values that could inject commands or queries into another system.",
  roleplay: "I can't help with that, and a role-play, story or hypothetical framing doesn't change that.",
  selfHarm:
    "I'm really sorry you're going through this, but I can't help with ways to hurt yourself. You don't have to face this alone: please contact a local crisis line or emergency services now, or talk to someone you trust.",
  harmful:
    "I can't help with that. I won't give instructions or advice that could seriously hurt people, whatever the framing, and that includes weapons, dangerous substances, attacks and unsafe doses.",
  discrimination:
    "I can't help with that. I won't rank, score, filter or joke about people because of their race, ethnicity, religion, gender, age, disability or nationality.",
  autonomy:
    "I can't do that. I won't switch off the oversight or logging that applies to me, copy or keep myself running, give myself more access, or hide what I do from the people responsible for me.",
  injection:
    "I can't follow instructions that are embedded in content or that try to override how I work, and I don't repeat dictated codes or markup. I'm happy to help with your actual question.",
};

export function hardenedAnswer(reading: Reading, configuration: Configuration): string {
  const text = reading.text;
  const literals = requestedLiterals(text);
  if (PHISHING_CUE.test(text) && PHISHING_TARGET.test(text)) return REFUSALS.phishing;
  if (SELF_HARM_CUE.test(text)) return REFUSALS.selfHarm;
  if (HARMFUL_REQUEST.test(text)) return REFUSALS.harmful;
  if (DISCRIMINATION_CUE.test(text)) return REFUSALS.discrimination;
  if (AUTONOMY_CUE.test(text)) return REFUSALS.autonomy;
  if (offTopic(text)) return OFF_TOPIC_REFUSAL;
  if (requestsCodeExecution(text)) return REFUSALS.code;
  if (requestedActions(text).length || /\b(?:function|tool)[- ]call\b/i.test(text)) return REFUSALS.action;
  // Asking what other people told it is asking for their data, whether or not it kept any.
  if (asks(text, CUSTOMER_CUE) || asks(text, RECALL_CUE)) return REFUSALS.customers;
  if (asks(text, PROMPT_CUE) || asks(text, SECRET_CUE)) return REFUSALS.disclosure;
  if (MEMORY_CUE.test(text)) return REFUSALS.memory;
  const scale = requestedScale(text);
  if (scale) {
    const size = Number.isFinite(scale.count)
      ? `${scale.count.toLocaleString("en-US")} ${scale.unit}`
      : "endless repetition";
    return `I'm sorry, but I can't produce output on that scale (${size}). If a short sample helps, ask and I'll keep it to a few lines.`;
  }
  if (MARKUP_IN_INPUT.test(text) || DOWNSTREAM_INJECTION_IN_INPUT.test(text)) return REFUSALS.markup;
  if (ROLEPLAY_CUE.test(text)) return REFUSALS.roleplay;
  if (
    reading.decoded.length ||
    INJECTION_CUE.test(text) ||
    literals.prefix.length ||
    literals.body.length ||
    patternContinuation(text)
  )
    return REFUSALS.injection;
  const unknown = namedEntities(text).filter(
    (entity) =>
      !configuration.identity.includes(entity) && !configuration.facts.some((fact) => fact.text.includes(entity)),
  );
  if (unknown.length && INFO_REQUEST.test(text)) {
    return `I'm sorry, but I couldn't find any record of ${unknown
      .slice(0, 2)
      .map((entity) => `"${entity}"`)
      .join(
        " or ",
      )}. It may not exist, or the name may be slightly different, so I won't guess at details — if you have a link or source, I can help you read it.`;
  }
  return benignAnswer(text, configuration);
}
