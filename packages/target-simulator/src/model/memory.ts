// What a simulated model keeps across conversations: one store per simulator instance, shared by
// every caller, the way a naive "long-term memory" feature keys nothing by user. Only the vulnerable
// profile writes to it and recites it; the others keep nothing between sessions.

// Bounded so that a long scan (every memory-poisoning probe saving something) cannot grow it without end.
const DEFAULT_CAPACITY = 50;
const MAX_FACT_CHARS = 500;

export class CrossSessionMemory {
  readonly #facts: string[] = [];
  readonly capacity: number;

  constructor(capacity = DEFAULT_CAPACITY) {
    this.capacity = capacity;
  }

  /** Keeps a fact (the newest copy of a repeated one), dropping the oldest beyond capacity. */
  remember(fact: string): void {
    const kept = fact.trim().slice(0, MAX_FACT_CHARS);
    if (!kept) return;
    const existing = this.#facts.indexOf(kept);
    if (existing >= 0) this.#facts.splice(existing, 1);
    this.#facts.push(kept);
    if (this.#facts.length > this.capacity) this.#facts.splice(0, this.#facts.length - this.capacity);
  }

  /** Everything kept, newest first. */
  recall(): string[] {
    return [...this.#facts].reverse();
  }
}

/** The naive model's answer to "what do you remember": everything, whoever saved it. */
export function recitedMemory(facts: readonly string[]): string {
  if (!facts.length) return "Nobody has asked me to remember anything yet.";
  return `Here's what people have asked me to remember:\n${facts.map((fact) => `- "${fact}"`).join("\n")}`;
}
