// Property-based fuzzing of every operation in openapi.yaml, driven by its parameters and bodies:
// whatever a client sends, the server answers below 500, and every error is `{"error": <slug>}`
// with a slug the contract lists. Bounded (FUZZ_RUNS per operation) so it runs in `pnpm test`.
//
// Network rule: no generated request may make the server contact anything but loopback. URL
// fields only ever hold loopback or unusable values, and any other URL-looking string is replaced
// before sending (a hostname would be resolved, an address registered).
import { createTestContext, type TestContext } from "@penaxtra/server/testing";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { concretePath, type Fixtures, seedTenant, startChatTarget, validBodyFor } from "../support/fixtures.ts";
import { type SpecOperation, spec, specOperations } from "../support/spec.ts";

// PENAXTRA_FUZZ_RUNS=1000 for a longer hunt.
const FUZZ_RUNS = Number(process.env.PENAXTRA_FUZZ_RUNS ?? 30);

let ctx: TestContext;
let a: Fixtures;
let target: Awaited<ReturnType<typeof startChatTarget>>;
beforeAll(async () => {
  ctx = await createTestContext(inject("adminDatabaseUrl"));
  target = await startChatTarget();
  a = await seedTenant(ctx, target.url);
});
afterAll(async () => {
  await target.close();
  await ctx.cleanup();
});

const SLUGS: string[] = spec.components.schemas.ErrorSlug.enum;
const URL_LIKE = /[a-z][a-z0-9+.-]*:\/\//i;
const SAFE_URLS = ["http://127.0.0.1:1/v1", "http://[::1]:1/x", "ftp://127.0.0.1/", "not a url", "http://0.0.0.0/", ""];

/** The value with every URL-looking string not of SAFE_URLS replaced: nothing off this machine. */
function withoutForeignUrls(value: unknown): unknown {
  if (typeof value === "string") return URL_LIKE.test(value) && !SAFE_URLS.includes(value) ? "not-a-url" : value;
  if (Array.isArray(value)) return value.map(withoutForeignUrls);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withoutForeignUrls(item)]));
  return value;
}

const resolve = (node: any): any => (node?.$ref ? resolve(refTarget(node.$ref)) : node);
const refTarget = (ref: string) =>
  ref
    .replace(/^#\//, "")
    .split("/")
    .reduce((node: any, key) => node[key], spec);
const operationOf = (op: SpecOperation) => spec.paths[op.path][op.method];

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.constantFrom("", "\u0000", "\ud800", "0000-01-01T00:00:00Z", "-1", "1e309", "null", "%00", "🙂".repeat(50)),
);
const scalar = fc.oneof(text, fc.integer().map(String), fc.double().map(String), fc.uuid());
const cursor = fc.jsonValue().map((value) => Buffer.from(JSON.stringify(value)).toString("base64url"));

function queryFor(op: SpecOperation): fc.Arbitrary<string> {
  const names: Array<{ name: string; values: fc.Arbitrary<string> }> = (operationOf(op).parameters ?? [])
    .map(resolve)
    .filter((parameter: any) => parameter.in === "query")
    .map((parameter: any) => {
      const schema = resolve(parameter.schema) ?? {};
      const known = schema.enum ? [fc.constantFrom(...schema.enum.map(String))] : [];
      return { name: parameter.name, values: fc.oneof(scalar, cursor, ...known) };
    });
  return fc
    .tuple(...names.map(({ name, values }) => fc.option(values.map((value) => [name, value] as const))))
    .map((pairs) => {
      const present = pairs.filter((pair): pair is readonly [string, string] => pair !== null);
      return present.length ? `?${new URLSearchParams(present as Array<[string, string]>).toString()}` : "";
    });
}

function pathFor(op: SpecOperation): fc.Arbitrary<string> {
  if (!op.path.includes("{id}")) return fc.constant(op.path);
  // Every byte percent-encoded (a lone surrogate has no URI form), or raw segments as sent on the wire.
  const encoded = fc
    .oneof(fc.uuid(), text)
    .map((id) => [...Buffer.from(id)].map((byte) => `%${byte.toString(16).padStart(2, "0")}`).join(""));
  const raw = fc.constantFrom("%00", "%ZZ", "%", "%E0%A4%A", "..%2F..", "a%2Fb", "%C0%80");
  return fc
    .oneof(fc.constant(null), encoded, raw)
    .map((id) => (id === null ? concretePath(op.path, a) : op.path.replace("{id}", id)));
}

function bodyFor(op: SpecOperation): fc.Arbitrary<string | undefined> {
  if (!operationOf(op).requestBody) return fc.constant(undefined);
  const valid = (validBodyFor(op.operationId, a, target.url) ?? {}) as Record<string, unknown>;
  const mutated = fc
    .dictionary(
      fc.oneof(fc.constantFrom(...Object.keys(valid), "extra"), fc.string()),
      fc.oneof(fc.jsonValue(), fc.constantFrom(...SAFE_URLS)),
    )
    .map((changes) => ({ ...valid, ...changes }));
  return fc.oneof(
    mutated.map((body) => JSON.stringify(withoutForeignUrls(body))),
    fc.jsonValue().map((body) => JSON.stringify(withoutForeignUrls(body))),
    text.map((raw) => (URL_LIKE.test(raw) ? "{" : raw)),
  );
}

describe("fuzzing every operation of openapi.yaml", () => {
  it.each(specOperations.map((op) => [`${op.method.toUpperCase()} ${op.path}`, op] as const))(
    "%s never answers 5xx, and every error is a documented slug",
    async (_name, op) => {
      await fc.assert(
        fc.asyncProperty(pathFor(op), queryFor(op), bodyFor(op), async (path, query, body) => {
          const response = await ctx.app.request(`${path}${query}`, {
            method: op.method.toUpperCase(),
            headers: {
              authorization: `Bearer ${a.token}`,
              ...(body === undefined ? {} : { "content-type": "application/json" }),
            },
            ...(body === undefined ? {} : { body }),
          });
          const raw = await response.text();
          expect(response.status, `${op.method} ${path}${query} ${body ?? ""} -> ${raw}`).toBeLessThan(500);
          if (response.status >= 400) {
            const parsed = JSON.parse(raw);
            expect(SLUGS, raw).toContain(parsed.error);
          }
        }),
        { numRuns: FUZZ_RUNS },
      );
    },
    60_000,
  );
});
