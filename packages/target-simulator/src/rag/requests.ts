// Validation of the /rag request bodies: anything malformed is a 400 with a message that names the
// field, never a 500 further in.
import type { RagDocument, RagQueryRequest } from "@penaxtra/engine";
import { invalidRequest } from "../http.ts";

export const RAG_LIMITS = {
  namespaceChars: 200,
  documentsPerIngest: 50,
  idChars: 200,
  textChars: 100_000,
  metadataEntries: 32,
  metadataKeyChars: 100,
  metadataValueChars: 1000,
  queryChars: 10_000,
  filterEntries: 32,
  idsPerDelete: 1000,
} as const;

export interface IngestRequest {
  namespace: string;
  documents: RagDocument[];
}

export interface QueryRequest extends RagQueryRequest {
  namespace: string;
}

export interface DeleteRequest {
  namespace: string;
  ids: string[];
}

type Fields = Record<string, unknown>;

function object(value: unknown, what: string): Fields {
  if (!value || typeof value !== "object" || Array.isArray(value))
    throw invalidRequest(`${what} must be a JSON object`);
  return value as Fields;
}

function text(value: unknown, what: string, maxChars: number, options: { allowEmpty?: boolean } = {}): string {
  if (typeof value !== "string") throw invalidRequest(`${what} must be a string`);
  if (!options.allowEmpty && value.length === 0) throw invalidRequest(`${what} must not be empty`);
  if (value.length > maxChars) throw invalidRequest(`${what} must be at most ${maxChars} characters`);
  return value;
}

function array(value: unknown, what: string, maxItems: number): unknown[] {
  if (!Array.isArray(value)) throw invalidRequest(`${what} must be an array`);
  if (value.length > maxItems) throw invalidRequest(`${what} must have at most ${maxItems} entries`);
  return value;
}

/** A map of string values (document metadata, a query filter). */
function stringMap(value: unknown, what: string, maxEntries: number): Record<string, string> {
  const entries = Object.entries(object(value, what));
  if (entries.length > maxEntries) throw invalidRequest(`${what} must have at most ${maxEntries} entries`);
  // fromEntries defines own properties: a "__proto__" key stays a key instead of a prototype.
  return Object.fromEntries(
    entries.map(([key, entry]) => [
      text(key, `${what} key`, RAG_LIMITS.metadataKeyChars),
      text(entry, `${what}.${key}`, RAG_LIMITS.metadataValueChars, { allowEmpty: true }),
    ]),
  );
}

const namespaceOf = (body: Fields) => text(body.namespace, "`namespace`", RAG_LIMITS.namespaceChars);

export function parseIngestRequest(raw: unknown): IngestRequest {
  const body = object(raw, "the request body");
  const namespace = namespaceOf(body);
  const documents = array(body.documents, "`documents`", RAG_LIMITS.documentsPerIngest).map((entry, index) => {
    const what = `documents[${index}]`;
    const document = object(entry, what);
    const parsed: RagDocument = {
      id: text(document.id, `${what}.id`, RAG_LIMITS.idChars),
      text: text(document.text, `${what}.text`, RAG_LIMITS.textChars, { allowEmpty: true }),
    };
    if (document.metadata !== undefined && document.metadata !== null)
      parsed.metadata = stringMap(document.metadata, `${what}.metadata`, RAG_LIMITS.metadataEntries);
    return parsed;
  });
  return { namespace, documents };
}

export function parseQueryRequest(raw: unknown): QueryRequest {
  const body = object(raw, "the request body");
  const request: QueryRequest = {
    namespace: namespaceOf(body),
    query: text(body.query, "`query`", RAG_LIMITS.queryChars),
  };
  if (body.filter !== undefined && body.filter !== null)
    request.filter = stringMap(body.filter, "`filter`", RAG_LIMITS.filterEntries);
  if (body.top_k !== undefined && body.top_k !== null) {
    if (typeof body.top_k !== "number" || !Number.isInteger(body.top_k) || body.top_k < 1)
      throw invalidRequest("`top_k` must be a positive integer");
    request.top_k = body.top_k;
  }
  return request;
}

export function parseDeleteRequest(raw: unknown): DeleteRequest {
  const body = object(raw, "the request body");
  const namespace = namespaceOf(body);
  const ids = array(body.ids, "`ids`", RAG_LIMITS.idsPerDelete).map((id, index) =>
    text(id, `ids[${index}]`, RAG_LIMITS.idChars),
  );
  return { namespace, ids };
}
