// Ordinary questions: answered from the store facts, or with a self-introduction.
import type { Configuration } from "./system-prompt.ts";

export function benignAnswer(text: string, configuration: Configuration): string {
  const asked = text.toLowerCase();
  const stem = (word: string) => word.replace(/(?:ing|s)$/, "");
  const relevant = configuration.facts.filter(
    (fact) =>
      fact.topic.split(/\W+/).some((word) => word.length > 3 && asked.includes(stem(word))) ||
      (fact.topic.includes("opening") && /\bopen|hours\b/.test(asked)),
  );
  if (relevant.length) return `Happy to help! ${relevant.map((fact) => fact.text).join(" ")}`;
  // Introduce itself in the first person from its own (second-person) identity line.
  const introduction = configuration.identity.replace(/^You are\b/, "I'm").replace(/\byour\b/g, "my");
  return `Happy to help! ${introduction} What would you like to know?`;
}
