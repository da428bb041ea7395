import { describe, expect, it } from "vitest";
import { describeForeign, findForeignData } from "./foreign-data.ts";

const OWN = { ids: new Set(["abcdefgh-isolation-matrix-board-a"]), canaries: new Set(["PXRAG-AAAAAAAAAA1"]) };
const owners = new Map([
  ["abcdefgh-isolation-matrix-board-a", "ns-a"],
  ["abcdefgh-isolation-matrix-board-b", "ns-b"],
  ["recorded-by-the-server", "ns-old"],
]);
const canaryOwners = new Map([
  ["PXRAG-AAAAAAAAAA1", "ns-a"],
  ["PXRAG-BBBBBBBBBB2", "ns-b"],
]);
const seen = (retrieved_ids: string[], answer = "nothing") => ({ namespace: "ns-a", answer, retrieved_ids });

describe("findForeignData", () => {
  it.each([
    ["its own document and canary", seen(["abcdefgh-isolation-matrix-board-a"], "ref PXRAG-AAAAAAAAAA1."), []],
    [
      "another namespace's document of this run",
      seen(["abcdefgh-isolation-matrix-board-b"]),
      [{ kind: "document", value: "abcdefgh-isolation-matrix-board-b", owner: "ns-b" }],
    ],
    [
      "a document an earlier run recorded",
      seen(["recorded-by-the-server"]),
      [{ kind: "document", value: "recorded-by-the-server", owner: "ns-old" }],
    ],
    [
      "an unrecorded document with a planted id's shape",
      seen(["zyxwvuts-canary-confidential-recall-doc"]),
      [{ kind: "document", value: "zyxwvuts-canary-confidential-recall-doc", owner: null }],
    ],
    ["a document that is not Penaxtra's", seen(["faq-returns-policy"]), []],
    [
      "another namespace's canary in the answer",
      seen([], "the reference is PXRAG-BBBBBBBBBB2."),
      [{ kind: "canary", value: "PXRAG-BBBBBBBBBB2", owner: "ns-b" }],
    ],
    [
      "an earlier run's canary in base64",
      seen([], Buffer.from("escrow code PXRAG-CCCCCCCCCC7").toString("base64")),
      [{ kind: "canary", value: "PXRAG-CCCCCCCCCC7", owner: null }],
    ],
    ["a redacted canary", seen([], "the reference is [REDACTED]."), []],
  ])("%s", (_name, exchange, expected) => {
    const found = findForeignData(exchange, OWN, owners, canaryOwners);
    expect(found).toEqual(expected.map((sighting) => ({ ...sighting, asked_in: "ns-a" })));
  });

  it("says where each sighting came from, at most four of them", () => {
    const sightings = Array.from({ length: 6 }, (_, index) => ({
      kind: "document" as const,
      value: `d${index}`,
      asked_in: "ns-a",
      owner: index ? `ns-${index}` : null,
    }));
    expect(describeForeign(sightings)).toBe(
      "data of other namespaces surfaced: document d0 of an earlier run surfaced in ns-a; " +
        "document d1 of namespace ns-1 surfaced in ns-a; document d2 of namespace ns-2 surfaced in ns-a; " +
        "document d3 of namespace ns-3 surfaced in ns-a and 2 more",
    );
  });
});
