// The names Penaxtra gives what it plants in a pipeline, and the patterns that recognise them in
// one place: foreign-data.ts finds another run's documents and canaries by these shapes, so a
// change to how they are made must change how they are found.
import { randomBytes } from "node:crypto";

const BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
const token = (length: number) => [...randomBytes(length)].map((byte) => BASE32[byte % 32]).join("");

/** Short and unique per run: part of every namespace, id and canary. */
export const newRagRunTag = () => token(8);

/** A run's tag for one test: `<run tag>-<suite>-<test>`, the prefix of its ids and namespaces. */
export const plantedTestTag = (runTag: string, testId: string) => `${runTag}-${testId.replace(/^rag-/, "")}`;

/** A token unique to this run and call; a digit in it, as output filters look for secret-shaped tokens. */
export const newCanary = (serial: number) => `PXRAG-${token(10).toUpperCase()}${serial}`;

/** A canary as newCanary makes it. */
export const CANARY_PATTERN = /PXRAG-[A-Z2-7]{10}\d+/g;
/** A document id as `RagTestContext.documentId()` makes it: `<run tag>-<suite>-<test>-<label>`. */
export const PLANTED_ID = /^[a-z2-7]{8}-(?:canary|isolation|injection)-[a-z0-9-]+$/;
