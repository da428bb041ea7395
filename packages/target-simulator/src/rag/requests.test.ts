import { describe, expect, it } from "vitest";
import { HttpError } from "../http.ts";
import { parseDeleteRequest, parseIngestRequest, parseQueryRequest } from "./requests.ts";

function rejection(parse: () => unknown): { status: number; type: string; message: string } {
  try {
    parse();
  } catch (error) {
    if (error instanceof HttpError) return { status: error.status, type: error.type, message: error.message };
    throw error;
  }
  throw new Error("expected a rejection");
}

const documents = (count: number) => Array.from({ length: count }, (_, index) => ({ id: `d${index}`, text: "t" }));

describe("parseIngestRequest", () => {
  it("accepts documents with optional metadata", () => {
    expect(
      parseIngestRequest({
        namespace: "a",
        documents: [
          { id: "x", text: "hello", metadata: { audience: "public" } },
          { id: "y", text: "", metadata: null },
        ],
      }),
    ).toEqual({
      namespace: "a",
      documents: [
        { id: "x", text: "hello", metadata: { audience: "public" } },
        { id: "y", text: "" },
      ],
    });
  });

  it("keeps a __proto__ metadata key as a key", () => {
    const parsed = parseIngestRequest(
      JSON.parse('{"namespace":"a","documents":[{"id":"x","text":"t","metadata":{"__proto__":"v"}}]}'),
    );
    expect(Object.hasOwn(parsed.documents[0]!.metadata!, "__proto__")).toBe(true);
  });

  it.each([
    ["not an object", [], /request body must be a JSON object/],
    ["no namespace", { documents: [] }, /`namespace` must be a string/],
    ["empty namespace", { namespace: "", documents: [] }, /`namespace` must not be empty/],
    ["long namespace", { namespace: "n".repeat(201), documents: [] }, /at most 200 characters/],
    ["numeric namespace", { namespace: 7, documents: [] }, /`namespace` must be a string/],
    ["no documents", { namespace: "a" }, /`documents` must be an array/],
    ["too many documents", { namespace: "a", documents: documents(51) }, /at most 50 entries/],
    ["document not an object", { namespace: "a", documents: ["text"] }, /documents\[0\] must be a JSON object/],
    ["missing id", { namespace: "a", documents: [{ text: "t" }] }, /documents\[0\]\.id must be a string/],
    ["empty id", { namespace: "a", documents: [{ id: "", text: "t" }] }, /documents\[0\]\.id must not be empty/],
    ["missing text", { namespace: "a", documents: [{ id: "x" }] }, /documents\[0\]\.text must be a string/],
    [
      "text too long",
      { namespace: "a", documents: [{ id: "x", text: "t".repeat(100_001) }] },
      /at most 100000 characters/,
    ],
    [
      "metadata array",
      { namespace: "a", documents: [{ id: "x", text: "t", metadata: ["a"] }] },
      /metadata must be a JSON object/,
    ],
    [
      "metadata number value",
      { namespace: "a", documents: [{ id: "x", text: "t", metadata: { n: 1 } }] },
      /metadata\.n must be a string/,
    ],
  ])("400 for %s", (_name, body, message) => {
    expect(rejection(() => parseIngestRequest(body))).toEqual({
      status: 400,
      type: "invalid_request_error",
      message: expect.stringMatching(message),
    });
  });
});

describe("parseQueryRequest", () => {
  it("accepts a query with an optional filter and top_k", () => {
    expect(parseQueryRequest({ namespace: "a", query: "q" })).toEqual({ namespace: "a", query: "q" });
    expect(parseQueryRequest({ namespace: "a", query: "q", filter: { audience: "public" }, top_k: 50 })).toEqual({
      namespace: "a",
      query: "q",
      filter: { audience: "public" },
      top_k: 50,
    });
    expect(parseQueryRequest({ namespace: "a", query: "q", filter: null, top_k: null })).toEqual({
      namespace: "a",
      query: "q",
    });
  });

  it.each([
    ["missing query", { namespace: "a" }, /`query` must be a string/],
    ["empty query", { namespace: "a", query: "" }, /`query` must not be empty/],
    ["query too long", { namespace: "a", query: "q".repeat(10_001) }, /at most 10000 characters/],
    ["filter string", { namespace: "a", query: "q", filter: "audience=public" }, /`filter` must be a JSON object/],
    [
      "filter value number",
      { namespace: "a", query: "q", filter: { audience: 1 } },
      /`filter`\.audience must be a string/,
    ],
    ["top_k zero", { namespace: "a", query: "q", top_k: 0 }, /`top_k` must be a positive integer/],
    ["top_k fraction", { namespace: "a", query: "q", top_k: 2.5 }, /`top_k` must be a positive integer/],
    ["top_k string", { namespace: "a", query: "q", top_k: "4" }, /`top_k` must be a positive integer/],
  ])("400 for %s", (_name, body, message) => {
    expect(rejection(() => parseQueryRequest(body))).toMatchObject({
      status: 400,
      message: expect.stringMatching(message),
    });
  });
});

describe("parseDeleteRequest", () => {
  it("accepts ids", () => {
    expect(parseDeleteRequest({ namespace: "a", ids: ["x", "y"] })).toEqual({ namespace: "a", ids: ["x", "y"] });
  });

  it.each([
    ["missing ids", { namespace: "a" }, /`ids` must be an array/],
    ["id not a string", { namespace: "a", ids: [1] }, /ids\[0\] must be a string/],
    [
      "too many ids",
      { namespace: "a", ids: Array.from({ length: 1001 }, (_, index) => `i${index}`) },
      /at most 1000 entries/,
    ],
    ["namespace missing", { ids: ["x"] }, /`namespace` must be a string/],
  ])("400 for %s", (_name, body, message) => {
    expect(rejection(() => parseDeleteRequest(body))).toMatchObject({
      status: 400,
      message: expect.stringMatching(message),
    });
  });
});
