// HTTP helpers shared by the simulator's routes (chat completions and the reference RAG pipeline).
import type { IncomingMessage, ServerResponse } from "node:http";

export const MAX_BODY_BYTES = 1024 * 1024;

// No parameter properties: main.ts runs under Node's type stripping, which does not support them.
export class HttpError extends Error {
  readonly status: number;
  readonly type: string;
  constructor(status: number, type: string, message: string) {
    super(message);
    this.status = status;
    this.type = type;
  }
}

/** A 400 in the OpenAI error shape: what every malformed request gets. */
export const invalidRequest = (message: string) => new HttpError(400, "invalid_request_error", message);

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(payload) });
  response.end(payload);
}

export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      throw new HttpError(413, "invalid_request_error", `request body exceeds ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The body parsed as JSON; anything unparsable is the caller's mistake (400), never ours. */
export async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const text = await readBody(request);
  try {
    return JSON.parse(text);
  } catch {
    throw invalidRequest("request body is not valid JSON");
  }
}

/** Waits until `latencyMs` after arrival: the simulated model's answer time includes our own work. */
export async function holdUntilLatency(arrivedAt: number, latencyMs: number): Promise<void> {
  const remaining = latencyMs - (performance.now() - arrivedAt);
  if (remaining > 0) await new Promise((resolve) => setTimeout(resolve, remaining));
}
