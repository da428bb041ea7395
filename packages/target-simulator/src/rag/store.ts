// The reference RAG pipeline's document store: documents kept per namespace, retrieved by keyword
// overlap. Deliberately simple so that which documents come back is obvious from the texts alone.

// Words too common to say what a question is about.
const STOP_WORDS = new Set(
  (
    "the and for are but not you your yours with this that these those from have has had was were what when where which who whom why how " +
    "can could would should will does did its into about our ours any all there their them they then than say says tell give show please"
  ).split(" "),
);

/** Distinct lowercase words of at least three letters or digits, stop words dropped. */
export function tokenize(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return new Set(words.filter((word) => word.length >= 3 && !STOP_WORDS.has(word)));
}

export interface StoredDocument {
  namespace: string;
  id: string;
  text: string;
  metadata: Record<string, string>;
  /** Ingestion order: breaks score ties, earlier first. */
  sequence: number;
}

export interface ScoredDocument extends StoredDocument {
  /** How many distinct query words the document contains. */
  score: number;
}

export interface SearchResult {
  /** Admitted documents with score > 0, best first, at most topK. */
  hits: ScoredDocument[];
  /** The best-ranked matching document that `admit` turned away, if any (for guard signals). */
  bestTurnedAway: ScoredDocument | null;
}

export interface SearchOptions {
  topK: number;
  /** Which documents may be returned; all when absent. */
  admit?: (document: StoredDocument) => boolean;
}

// Caps that keep one long-running simulator from growing without bound (the vulnerable profile
// never really deletes anything).
export const MAX_STORED_DOCUMENTS = 10_000;
export const MAX_STORED_CHARS = 50_000_000;

export class StoreFullError extends Error {}

/** True when `a` would be listed before `b` in a search: higher score, or as high and ingested earlier. */
export const ranksAbove = (a: ScoredDocument, b: ScoredDocument) =>
  a.score > b.score || (a.score === b.score && a.sequence < b.sequence);

export class RagStore {
  // Keyed by namespace and id: the same id may exist once per namespace.
  #documents = new Map<string, StoredDocument>();
  #tokens = new Map<StoredDocument, Set<string>>();
  #sequence = 0;
  #chars = 0;

  get size(): number {
    return this.#documents.size;
  }

  /** Throws StoreFullError unless all the documents fit under the caps (checked before any is stored). */
  assertRoomFor(documents: ReadonlyArray<{ text: string }>): void {
    const chars = documents.reduce((sum, document) => sum + document.text.length, 0);
    if (this.#documents.size + documents.length > MAX_STORED_DOCUMENTS || this.#chars + chars > MAX_STORED_CHARS) {
      throw new StoreFullError(
        `the simulator's document store is full (at most ${MAX_STORED_DOCUMENTS} documents, ${MAX_STORED_CHARS} characters): restart it`,
      );
    }
  }

  /** Adds a document, replacing one with the same id in the namespace; a replacement counts as newly ingested. */
  put(namespace: string, document: { id: string; text: string; metadata?: Record<string, string> }): void {
    this.#removeOne(namespace, document.id);
    const stored: StoredDocument = {
      namespace,
      id: document.id,
      text: document.text,
      metadata: { ...document.metadata },
      sequence: this.#sequence++,
    };
    this.#documents.set(key(namespace, document.id), stored);
    this.#tokens.set(stored, tokenize(stored.text));
    this.#chars += stored.text.length;
  }

  /** Removes the ids from the namespace; returns how many existed. */
  remove(namespace: string, ids: readonly string[]): number {
    let removed = 0;
    for (const id of new Set(ids)) if (this.#removeOne(namespace, id)) removed++;
    return removed;
  }

  get(namespace: string, id: string): StoredDocument | undefined {
    return this.#documents.get(key(namespace, id));
  }

  search(query: string, options: SearchOptions): SearchResult {
    const queryTokens = tokenize(query);
    const hits: ScoredDocument[] = [];
    let bestTurnedAway: ScoredDocument | null = null;
    if (queryTokens.size === 0) return { hits, bestTurnedAway };
    // One pass scores everything: the turned-away best comes for free with the hits.
    for (const [document, tokens] of this.#tokens) {
      let score = 0;
      for (const token of queryTokens) if (tokens.has(token)) score++;
      if (score === 0) continue;
      const scored = { ...document, score };
      if (!options.admit || options.admit(document)) hits.push(scored);
      else if (!bestTurnedAway || ranksAbove(scored, bestTurnedAway)) bestTurnedAway = scored;
    }
    hits.sort((a, b) => b.score - a.score || a.sequence - b.sequence);
    return { hits: hits.slice(0, options.topK), bestTurnedAway };
  }

  #removeOne(namespace: string, id: string): boolean {
    const existing = this.#documents.get(key(namespace, id));
    if (!existing) return false;
    this.#documents.delete(key(namespace, id));
    this.#tokens.delete(existing);
    this.#chars -= existing.text.length;
    return true;
  }
}

// JSON keeps any two (namespace, id) pairs apart, whatever characters they contain.
const key = (namespace: string, id: string) => JSON.stringify([namespace, id]);

/** A metadata filter holds when every key equals the document's value exactly. */
export function matchesFilter(metadata: Record<string, string>, filter: Record<string, string> | undefined): boolean {
  if (!filter) return true;
  return Object.entries(filter).every(([name, value]) => Object.hasOwn(metadata, name) && metadata[name] === value);
}
