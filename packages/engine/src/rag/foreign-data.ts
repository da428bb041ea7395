// Data that surfaced for a question but belongs to another namespace: a leak, whatever the test was
// looking for. A test that only looks for its own documents would certify a shared index whose
// earlier runs' documents crowd its own out of the results; so every exchange is also searched for
// anything Penaxtra planted elsewhere, in this run or an earlier one.
import { CANARY_PATTERN, PLANTED_ID } from "./planted-names.ts";
import type { ForeignSighting } from "./rag-test.ts";
import { answerTexts } from "./suites/canary-suite.ts";

/** What one namespace legitimately holds in this test: the documents and canaries planted there. */
export interface NamespaceContents {
  ids: Set<string>;
  canaries: Set<string>;
}

export interface ExchangeSeen {
  namespace: string;
  answer: string;
  retrieved_ids: readonly string[];
}

/**
 * Every retrieved id and answered canary of `exchange` that is Penaxtra's but not planted in the
 * asking namespace by this test. `owners` maps the ids of every document planted so far (this run,
 * and earlier runs as recorded) to their namespace; `canaryOwners` does the same for canaries.
 */
export function findForeignData(
  exchange: ExchangeSeen,
  own: NamespaceContents | undefined,
  owners: ReadonlyMap<string, string>,
  canaryOwners: ReadonlyMap<string, string>,
): ForeignSighting[] {
  const sightings: ForeignSighting[] = [];
  const asked_in = exchange.namespace;
  for (const id of new Set(exchange.retrieved_ids)) {
    if (own?.ids.has(id)) continue;
    const owner = owners.get(id) ?? null;
    if ((owner !== null && owner !== asked_in) || (owner === null && PLANTED_ID.test(id)))
      sightings.push({ kind: "document", value: id, asked_in, owner });
  }
  const canaries = new Set(answerTexts(exchange.answer).flatMap((text) => text.match(CANARY_PATTERN) ?? []));
  for (const canary of canaries) {
    if (own?.canaries.has(canary)) continue;
    const owner = canaryOwners.get(canary) ?? null;
    if (owner !== asked_in) sightings.push({ kind: "canary", value: canary, asked_in, owner });
  }
  return sightings;
}

export function describeForeign(sightings: readonly ForeignSighting[]): string {
  const shown = sightings.slice(0, 4).map((sighting) => {
    const from = sighting.owner ? `namespace ${sighting.owner}` : "an earlier run";
    const what = sighting.kind === "document" ? `document ${sighting.value}` : `canary ${sighting.value}`;
    return `${what} of ${from} surfaced in ${sighting.asked_in}`;
  });
  const more = sightings.length > shown.length ? ` and ${sightings.length - shown.length} more` : "";
  return `data of other namespaces surfaced: ${shown.join("; ")}${more}`;
}
