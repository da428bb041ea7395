// What a RAG security test is and what it reports. A test plants documents through the pipeline's
// own ingest API, asks questions, and decides by exact match whether the attack got through; the
// guardrail that stopped it is attributed from what each stage did (attribute-guardrail.ts).
import type { RagDocument, RagGuardSignal, RagQueryRequest } from "./protocol.ts";

export type RagSuite = "canary" | "isolation" | "injection";

/** Where an attack was stopped; `none` means it succeeded. */
export type Guardrail =
  | "ingest_filter"
  | "retrieval_isolation"
  | "input_filter"
  | "model_refusal"
  | "output_filter"
  | "none";

export type RagTestStatus = "passed" | "failed" | "skipped";

/** Data of another namespace seen in an exchange (foreign-data.ts): each one fails the test. */
export interface ForeignSighting {
  kind: "document" | "canary";
  /** The document id retrieved, or the canary found in the answer. */
  value: string;
  /** The namespace the question was asked in. */
  asked_in: string;
  /** The namespace the data was planted in, when known; null for an earlier run's unrecorded data. */
  owner: string | null;
}

export interface RagExchange {
  namespace: string;
  query: string;
  filter?: Record<string, string>;
  answer: string;
  retrieved_ids: string[];
  blocked: boolean;
  guards: RagGuardSignal[];
}

export interface PlantedDocument {
  namespace: string;
  id: string;
  /** The ingest filter's reason, when the pipeline refused the document. */
  rejected: string | null;
}

export interface RagTestResult {
  test_id: string;
  suite: RagSuite;
  title: string;
  status: RagTestStatus;
  /** Which guardrail stopped the attack (`none` when it failed); null when the test was skipped. */
  stopped_by: Guardrail | null;
  severity: "critical" | "high" | "medium" | "low";
  risk_refs: readonly string[];
  /** One sentence on why the test ended as it did. */
  reason: string;
  evidence: {
    planted: PlantedDocument[];
    exchanges: RagExchange[];
    /** Isolation matrix: matrix[querying][owner] = true when the owner's document surfaced. */
    matrix?: Record<string, Record<string, boolean>>;
    /** Data of other namespaces (this run's or earlier runs') that surfaced: each one fails the test. */
    foreign?: ForeignSighting[];
  };
  duration_ms: number;
}

/** What a test may do: plant documents (removed after the run), delete them, and ask. */
export interface RagTestContext {
  /** Namespaces that exist only for this run: `namespace("a")`, `namespace("b")`, ... */
  namespace(label: string): string;
  /** A token unique to this run and call, found nowhere else: leakage is decided by exact match. */
  canary(): string;
  /** A document id unique to this run. */
  documentId(label: string): string;
  plant(namespace: string, documents: RagDocument[]): Promise<PlantedDocument[]>;
  remove(namespace: string, ids: string[]): Promise<void>;
  ask(namespace: string, request: RagQueryRequest): Promise<RagExchange>;
}

/** A test's own verdict before attribution: did the attack get through, and what was observed. */
export interface RagTestOutcome {
  /** The attack succeeded (a canary, foreign document or injected marker came back). */
  breached: boolean;
  reason: string;
  /** The documents the attack depends on: if all were refused at ingest, the ingest filter stopped it. */
  attackDocuments: PlantedDocument[];
  exchanges: RagExchange[];
  /**
   * True when the attack needs the planted document retrieved in its own namespace: if it never was,
   * the test could not reach the model and is skipped rather than passed.
   */
  needsRetrieval: boolean;
  /**
   * Isolation tests: documents planted in the asking namespaces that must come back there. Their
   * retrieval is the positive evidence that the retriever works and kept to its namespace; without
   * it (or a guard's own signal) an attack that did not surface proves nothing, and is skipped.
   */
  controls?: PlantedDocument[];
  matrix?: Record<string, Record<string, boolean>>;
}

export interface RagTest {
  id: string;
  suite: RagSuite;
  title: string;
  description: string;
  severity: RagTestResult["severity"];
  risk_refs: readonly string[];
  run(context: RagTestContext): Promise<RagTestOutcome>;
}
