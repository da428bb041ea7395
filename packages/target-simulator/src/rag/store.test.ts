import { describe, expect, it } from "vitest";
import { MAX_STORED_DOCUMENTS, matchesFilter, RagStore, StoreFullError, tokenize } from "./store.ts";

describe("tokenize", () => {
  it.each([
    ["What is the Return policy?", ["return", "policy"]],
    ["PXRAG-AB12CD3 is the code", ["pxrag", "ab12cd3", "code"]],
    ["go to it, ok", []],
    ["Rückgabe für 30 Tage, 2024", ["rückgabe", "für", "tage", "2024"]],
    ["policy POLICY Policy", ["policy"]],
  ])("%s", (text, tokens) => {
    expect([...tokenize(text)]).toEqual(tokens);
  });
});

function storeWith(
  ...documents: Array<[namespace: string, id: string, text: string, metadata?: Record<string, string>]>
): RagStore {
  const store = new RagStore();
  for (const [namespace, id, text, metadata] of documents)
    store.put(namespace, { id, text, ...(metadata ? { metadata } : {}) });
  return store;
}

const ids = (store: RagStore, query: string, topK = 4) =>
  store.search(query, { topK }).hits.map((hit) => `${hit.id}:${hit.score}`);

describe("RagStore.search", () => {
  const store = storeWith(
    ["a", "returns", "Returns are accepted within 30 days for a refund."],
    ["a", "shipping", "Shipping takes 3-5 days; express shipping is free."],
    ["b", "refunds", "Refunds above 200 EUR need approval; returns are refunded to the card."],
    ["a", "hours", "Customer service is open Monday to Friday."],
  );

  it.each([
    ["returns refund days", ["returns:3", "shipping:1", "refunds:1"]],
    ["how many days does shipping take", ["shipping:2", "returns:1"]],
    ["opening hours on monday", ["hours:1"]],
    ["the and what", []],
    ["unrelated question about kayaks", []],
  ])("%s: distinct matching words, best first, ties in ingestion order", (query, expected) => {
    expect(ids(store, query)).toEqual(expected);
  });

  it("returns at most topK hits", () => {
    expect(ids(store, "returns refund days", 2)).toEqual(["returns:3", "shipping:1"]);
  });

  it("keeps only admitted documents and reports the best one turned away", () => {
    const { hits, bestTurnedAway } = store.search("refunds approval card returns", {
      topK: 4,
      admit: (document) => document.namespace === "a",
    });
    expect(hits.map((hit) => hit.id)).toEqual(["returns"]);
    expect(bestTurnedAway).toMatchObject({ id: "refunds", namespace: "b", score: 4 });
    expect(store.search("kayak", { topK: 4, admit: () => false }).bestTurnedAway).toBeNull();
  });

  it("replaces a re-ingested id in its namespace only, as a new ingestion", () => {
    const replaced = storeWith(
      ["a", "doc", "old text about tents"],
      ["b", "doc", "text about tents in b"],
      ["a", "other", "tents tents"],
    );
    replaced.put("a", { id: "doc", text: "new text about tents" });
    expect(replaced.size).toBe(3);
    expect(replaced.get("a", "doc")?.text).toBe("new text about tents");
    expect(replaced.search("tents", { topK: 4 }).hits.map((hit) => `${hit.namespace}/${hit.id}`)).toEqual([
      "b/doc",
      "a/other",
      "a/doc",
    ]);
  });

  it("removes ids from one namespace and counts what existed", () => {
    const removable = storeWith(["a", "x", "tents"], ["b", "x", "tents"], ["a", "y", "tents"]);
    expect(removable.remove("a", ["x", "x", "missing"])).toBe(1);
    expect(removable.search("tents", { topK: 4 }).hits.map((hit) => `${hit.namespace}/${hit.id}`)).toEqual([
      "b/x",
      "a/y",
    ]);
  });

  it("keeps namespace and id apart whatever characters they contain", () => {
    const tricky = storeWith(["a\u0000b", "c", "first"], ["a", "b\u0000c", "second"]);
    expect(tricky.size).toBe(2);
  });

  it("refuses documents beyond its caps before storing any", () => {
    const full = new RagStore();
    expect(() => full.assertRoomFor(Array.from({ length: MAX_STORED_DOCUMENTS + 1 }, () => ({ text: "" })))).toThrow(
      StoreFullError,
    );
    expect(() => full.assertRoomFor([{ text: "x".repeat(50_000_001) }])).toThrow(StoreFullError);
    expect(() => full.assertRoomFor([{ text: "fits" }])).not.toThrow();
  });
});

describe("matchesFilter", () => {
  it.each([
    [{ audience: "public" }, undefined, true],
    [{ audience: "public" }, {}, true],
    [{ audience: "public", lang: "en" }, { audience: "public" }, true],
    [{ audience: "internal" }, { audience: "public" }, false],
    [{ audience: "Public" }, { audience: "public" }, false],
    [{}, { audience: "public" }, false],
    [{ audience: "public" }, { audience: "public", lang: "en" }, false],
    [{}, { toString: "x" }, false],
  ])("%j against %j: %s", (metadata, filter, expected) => {
    expect(matchesFilter(metadata, filter as Record<string, string> | undefined)).toBe(expected);
  });
});
