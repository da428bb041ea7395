// Speaks the RAG adapter protocol (protocol.ts) to one pipeline, through the same SSRF-guarded
// HTTP client as chat targets. Every answer is checked for shape: a pipeline that answers
// something else fails the call with a message that says what was wrong.

import type { GuardPolicy } from "../targets/address-guard.ts";
import { requestTarget, type TargetResponse } from "../targets/http-client.ts";
import type { RagDocument, RagGuardSignal, RagIngestResponse, RagQueryRequest, RagQueryResponse } from "./protocol.ts";

export interface RagPipelineConfig {
  ingestUrl: string;
  queryUrl: string;
  deleteUrl: string;
  /** Body field that carries the namespace. */
  namespaceParam: string;
  authHeader: string | null;
  authSecret: string | null;
  timeoutMs: number;
}

export class RagPipelineError extends Error {
  constructor(
    readonly operation: "ingest" | "query" | "delete",
    message: string,
  ) {
    super(`${operation}: ${message}`);
    this.name = "RagPipelineError";
  }
}

const MAX_RESPONSE_BYTES = 2 * 1024 * 1024;
const GUARD_STAGES = new Set([
  "ingest_filter",
  "retrieval_isolation",
  "input_filter",
  "model_refusal",
  "output_filter",
]);

export class RagClient {
  constructor(
    private readonly config: RagPipelineConfig,
    private readonly policy: GuardPolicy,
    private readonly signal?: AbortSignal,
  ) {}

  async ingest(
    namespace: string,
    documents: RagDocument[],
  ): Promise<{ ingested: Set<string>; rejected: Map<string, string> }> {
    const body = (await this.call("ingest", this.config.ingestUrl, namespace, {
      documents,
    })) as Partial<RagIngestResponse>;
    if (!Array.isArray(body.ingested)) throw new RagPipelineError("ingest", "answer has no `ingested` array");
    const rejected = new Map<string, string>();
    for (const entry of Array.isArray(body.rejected) ? body.rejected : []) {
      if (entry && typeof entry.id === "string")
        rejected.set(entry.id, typeof entry.reason === "string" ? entry.reason : "rejected");
    }
    return { ingested: new Set(body.ingested.filter((id): id is string => typeof id === "string")), rejected };
  }

  async query(namespace: string, request: RagQueryRequest): Promise<RagQueryResponse> {
    const body = (await this.call("query", this.config.queryUrl, namespace, {
      ...request,
    })) as Partial<RagQueryResponse>;
    if (typeof body.answer !== "string") throw new RagPipelineError("query", "answer has no string `answer`");
    if (!Array.isArray(body.retrieved)) throw new RagPipelineError("query", "answer has no `retrieved` array");
    const retrieved = body.retrieved
      .filter((entry) => entry && typeof entry.id === "string")
      .map((entry) => ({
        id: entry.id,
        text: typeof entry.text === "string" ? entry.text : undefined,
        metadata: entry.metadata,
      }));
    const guards = (Array.isArray(body.guards) ? body.guards : []).filter(
      (guard): guard is RagGuardSignal => !!guard && GUARD_STAGES.has(guard.stage),
    );
    return { answer: body.answer, retrieved, blocked: body.blocked === true, guards };
  }

  async delete(namespace: string, ids: string[]): Promise<void> {
    await this.call("delete", this.config.deleteUrl, namespace, { ids });
  }

  private async call(
    operation: "ingest" | "query" | "delete",
    url: string,
    namespace: string,
    fields: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
    if (this.config.authHeader && this.config.authSecret) headers[this.config.authHeader] = this.config.authSecret;
    let response: TargetResponse;
    try {
      response = await requestTarget(
        {
          url,
          method: "POST",
          headers,
          body: JSON.stringify({ ...fields, [this.config.namespaceParam]: namespace }),
          timeoutMs: this.config.timeoutMs,
          signal: this.signal,
          maxResponseBytes: MAX_RESPONSE_BYTES,
        },
        this.policy,
      );
    } catch (error) {
      throw new RagPipelineError(operation, (error as Error).message);
    }
    if (response.status < 200 || response.status >= 300)
      throw new RagPipelineError(operation, `HTTP ${response.status}: ${response.body.slice(0, 200)}`);
    let body: unknown;
    try {
      body = JSON.parse(response.body);
    } catch {
      throw new RagPipelineError(operation, "answer is not JSON");
    }
    if (!body || typeof body !== "object" || Array.isArray(body))
      throw new RagPipelineError(operation, "answer is not a JSON object");
    return body as Record<string, unknown>;
  }
}
