// What the reference RAG pipeline behind the simulator's /rag routes does, whichever its profile
// (vulnerable-pipeline.ts, hardened-pipeline.ts), and the helpers both profiles share.
import type { RagDocument, RagGuardSignal, RagQueryRequest } from "@penaxtra/engine";
import type { ScoredDocument } from "./store.ts";

export const DEFAULT_TOP_K = 4;
export const MAX_TOP_K = 20;

export interface RetrievedPassage {
  id: string;
  /** Absent when the pipeline withholds the passage (hardened: confidential). */
  text?: string;
  metadata: Record<string, string>;
  score: number;
}

// The protocol's answers, with the optional parts this pipeline always fills in.
export interface IngestResult {
  ingested: string[];
  rejected: Array<{ id: string; reason: string }>;
}

export interface QueryResult {
  answer: string;
  retrieved: RetrievedPassage[];
  blocked: boolean;
  guards: RagGuardSignal[];
}

export interface DeleteResult {
  deleted: number;
}

export interface RagPipeline {
  ingest(namespace: string, documents: readonly RagDocument[]): IngestResult;
  query(namespace: string, request: RagQueryRequest): QueryResult;
  delete(namespace: string, ids: readonly string[]): DeleteResult;
  /** Documents still stored (retrievable), across namespaces: lets tests check a run cleaned up. */
  documentCount(): number;
}

export const effectiveTopK = (request: RagQueryRequest) => Math.min(request.top_k ?? DEFAULT_TOP_K, MAX_TOP_K);

export const toRetrieved = (hit: ScoredDocument): RetrievedPassage => ({
  id: hit.id,
  text: hit.text,
  metadata: { ...hit.metadata },
  score: hit.score,
});
