// The RAG adapter protocol: how Penaxtra talks to a customer's RAG pipeline. Three JSON-over-HTTP
// calls, all POST, named by the ai-asset's config (ingest_url, query_url, delete_url). The tenant
// namespace travels in the body field the config names (`namespace_param`, default "namespace"),
// and the asset's secret, if any, in the header `auth_header`. Documented in openapi.yaml
// (RagIngestRequest ... RagGuardSignal) and the README.

/** A document Penaxtra plants for a test; `metadata` values are strings. */
export interface RagDocument {
  id: string;
  text: string;
  metadata?: Record<string, string>;
}

/** ingest_url body: `{ [namespace_param]: namespace, documents }`. */
export interface RagIngestRequest {
  documents: RagDocument[];
}

/** ingest_url answer. A document the pipeline refused (an ingest filter) is listed in `rejected`. */
export interface RagIngestResponse {
  ingested: string[];
  rejected?: Array<{ id: string; reason?: string }>;
}

/** query_url body: `{ [namespace_param]: namespace, query, filter?, top_k? }`. */
export interface RagQueryRequest {
  query: string;
  /** Metadata every retrieved document must match (exact string equality). */
  filter?: Record<string, string>;
  top_k?: number;
}

export type RagGuardStage =
  | "ingest_filter"
  | "retrieval_isolation"
  | "input_filter"
  | "model_refusal"
  | "output_filter";

/** What a guard of the pipeline did, if the pipeline reports it. Optional: stages are also inferred. */
export interface RagGuardSignal {
  stage: RagGuardStage;
  action: "blocked" | "redacted" | "refused" | "filtered";
  detail?: string;
}

/** query_url answer: the generated answer and the passages it was given. */
export interface RagQueryResponse {
  answer: string;
  retrieved: Array<{ id: string; text?: string; metadata?: Record<string, string>; score?: number }>;
  /** True when a guard stopped the query before an answer was generated. */
  blocked?: boolean;
  guards?: RagGuardSignal[];
}

/** delete_url body: `{ [namespace_param]: namespace, ids }`; answer `{ deleted: number }`. */
export interface RagDeleteRequest {
  ids: string[];
}

export interface RagDeleteResponse {
  deleted: number;
}
