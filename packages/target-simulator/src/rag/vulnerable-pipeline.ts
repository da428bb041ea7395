// The misconfigured pipeline: one index for every tenant, metadata filters never applied, a delete
// that only pretends, and a model that obeys whatever the retrieved passages tell it.
import { generateVulnerableAnswer } from "./generate.ts";
import { effectiveTopK, type RagPipeline, toRetrieved } from "./pipeline.ts";
import { RagStore } from "./store.ts";

export function createVulnerablePipeline(): RagPipeline {
  const store = new RagStore();
  return {
    documentCount: () => store.size,
    ingest(namespace, documents) {
      store.assertRoomFor(documents);
      for (const document of documents) store.put(namespace, document);
      return { ingested: documents.map((document) => document.id), rejected: [] };
    },
    // The namespace is recorded at ingest but never consulted here, and `filter` is ignored.
    query(_namespace, request) {
      const { hits } = store.search(request.query, { topK: effectiveTopK(request) });
      return {
        answer: generateVulnerableAnswer(request.query, hits),
        retrieved: hits.map(toRetrieved),
        blocked: false,
        guards: [],
      };
    },
    // Soft-delete bug: the deletion is confirmed, the documents stay retrievable.
    delete(_namespace, ids) {
      return { deleted: ids.length };
    },
  };
}
