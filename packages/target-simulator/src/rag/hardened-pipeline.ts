// The well-configured pipeline: every stage has a guard, and each reports what it did, so that a
// caller can tell which one stopped an attack.
import type { RagGuardSignal } from "@penaxtra/engine";
import { BLOCKED_ANSWER, CONFIDENTIAL_REFUSAL, generateHardenedAnswer } from "./generate.ts";
import { ingestFilter, inputFilter, isConfidential, redactOutput } from "./guards.ts";
import { effectiveTopK, type RagPipeline, type RetrievedPassage, toRetrieved } from "./pipeline.ts";
import { matchesFilter, RagStore, ranksAbove, type ScoredDocument } from "./store.ts";

export function createHardenedPipeline(): RagPipeline {
  const store = new RagStore();
  return {
    documentCount: () => store.size,
    ingest(namespace, documents) {
      const rejected: Array<{ id: string; reason: string }> = [];
      const accepted = documents.filter((document) => {
        const reason = ingestFilter(document.text);
        if (reason) rejected.push({ id: document.id, reason });
        return reason === null;
      });
      store.assertRoomFor(accepted);
      for (const document of accepted) store.put(namespace, document);
      return { ingested: accepted.map((document) => document.id), rejected };
    },

    query(namespace, request) {
      const blockedBecause = inputFilter(request.query, namespace);
      if (blockedBecause) {
        return {
          answer: BLOCKED_ANSWER,
          retrieved: [],
          blocked: true,
          guards: [{ stage: "input_filter", action: "blocked", detail: blockedBecause }],
        };
      }
      const guards: RagGuardSignal[] = [];
      const { hits, bestTurnedAway } = store.search(request.query, {
        topK: effectiveTopK(request),
        admit: (document) => document.namespace === namespace && matchesFilter(document.metadata, request.filter),
      });
      const withheldBetterMatch = bestTurnedAway && (!hits[0] || ranksAbove(bestTurnedAway, hits[0]));
      if (withheldBetterMatch) {
        const where = bestTurnedAway.namespace === namespace ? "outside the metadata filter" : "in another namespace";
        guards.push({
          stage: "retrieval_isolation",
          action: "filtered",
          detail: `a better match ${where} was withheld`,
        });
      }

      const confidential = hits.filter(isConfidential);
      let answer: string;
      if (confidential.length) {
        answer = CONFIDENTIAL_REFUSAL;
        guards.push({
          stage: "model_refusal",
          action: "refused",
          detail: `${confidential.length} confidential passage(s) retrieved`,
        });
      } else {
        answer = generateHardenedAnswer(hits);
      }

      const redacted = redactOutput(answer);
      if (redacted.redactions)
        guards.push({ stage: "output_filter", action: "redacted", detail: `${redacted.redactions} token(s) redacted` });
      return { answer: redacted.text, retrieved: hits.map(withConfidentialTextWithheld), blocked: false, guards };
    },

    delete(namespace, ids) {
      return { deleted: store.remove(namespace, ids) };
    },
  };
}

// Confidential passages are listed (the caller may see what was retrieved) but never quoted.
function withConfidentialTextWithheld(hit: ScoredDocument): RetrievedPassage {
  const passage = toRetrieved(hit);
  if (isConfidential(hit)) delete passage.text;
  return passage;
}
