// The simulator's /rag routes: the RAG adapter protocol (rag/protocol.ts) over one in-memory
// reference pipeline per simulator. Bodies arrive parsed; validation failures are 400s.
import { holdUntilLatency, invalidRequest } from "../http.ts";
import type { SimulatorProfile } from "../respond.ts";
import { createHardenedPipeline } from "./hardened-pipeline.ts";
import type { RagPipeline } from "./pipeline.ts";
import { parseDeleteRequest, parseIngestRequest, parseQueryRequest } from "./requests.ts";
import { StoreFullError } from "./store.ts";
import { createVulnerablePipeline } from "./vulnerable-pipeline.ts";

export const RAG_PATHS = { ingest: "/rag/ingest", query: "/rag/query", delete: "/rag/delete" } as const;

const RAG_PATH_SET = new Set<string>(Object.values(RAG_PATHS));

export const isRagPath = (path: string) => RAG_PATH_SET.has(path);

export interface RagRoutesOptions {
  profile: SimulatorProfile;
  /** Artificial delay before each /rag/query answer, as for chat. */
  latencyMs?: number;
}

export interface RagRoutes {
  /** The JSON answer to a POST on a /rag path; throws HttpError for a bad request. */
  handle(path: string, body: unknown, arrivedAt: number): Promise<unknown>;
  /** Documents the pipeline still holds. */
  documentCount(): number;
}

export function createRagPipeline(profile: SimulatorProfile): RagPipeline {
  // The guarded profile is about chat; its RAG pipeline is the hardened one.
  return profile === "vulnerable" ? createVulnerablePipeline() : createHardenedPipeline();
}

export function createRagRoutes({ profile, latencyMs = 0 }: RagRoutesOptions): RagRoutes {
  const pipeline = createRagPipeline(profile);
  return {
    documentCount: () => pipeline.documentCount(),
    async handle(path, body, arrivedAt) {
      switch (path) {
        case RAG_PATHS.ingest: {
          const { namespace, documents } = parseIngestRequest(body);
          try {
            return pipeline.ingest(namespace, documents);
          } catch (error) {
            if (error instanceof StoreFullError) throw invalidRequest(error.message);
            throw error;
          }
        }
        case RAG_PATHS.query: {
          const { namespace, ...request } = parseQueryRequest(body);
          const answer = pipeline.query(namespace, request);
          await holdUntilLatency(arrivedAt, latencyMs);
          return answer;
        }
        case RAG_PATHS.delete: {
          const { namespace, ids } = parseDeleteRequest(body);
          return pipeline.delete(namespace, ids);
        }
        default:
          throw new Error(`not a RAG path: ${path}`);
      }
    },
  };
}
