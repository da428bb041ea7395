// Given a fragment of openapi.yaml, want the zod / @hono/zod-openapi source the generator writes.
import type { OpenAPI3, OperationObject, ReferenceObject } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import {
  type ContractSchema,
  generateServerContract,
  type Keywords,
  orderComponents,
  schemaToZod,
} from "./server-contract.ts";

type Given = (ContractSchema & Keywords) | ReferenceObject;

describe("schemaToZod", () => {
  const cases: Array<{ name: string; given: Given; coerce?: boolean; want: string }> = [
    {
      name: "a string with bounds and a pattern",
      given: { type: "string", minLength: 1, maxLength: 200, pattern: "^[a-z]+$" },
      want: `z.string().min(1).max(200).regex(new RegExp("^[a-z]+$"))`,
    },
    { name: "a uuid", given: { type: "string", format: "uuid" }, want: "z.uuid()" },
    {
      name: "a date-time with offset",
      given: { type: "string", format: "date-time" },
      want: "z.iso.datetime({ offset: true })",
    },
    { name: "a uri", given: { type: "string", format: "uri" }, want: "z.url()" },
    { name: "a string enum", given: { type: "string", enum: ["sarif", "junit"] }, want: `z.enum(["sarif","junit"])` },
    { name: "a string const", given: { type: "string", const: "missing_scope" }, want: `z.literal("missing_scope")` },
    { name: "a string with a default", given: { type: "string", default: "json" }, want: `z.string().default("json")` },
    { name: "a nullable string", given: { type: ["string", "null"] }, want: "z.string().nullable()" },
    {
      name: "an integer with bounds",
      given: { type: "integer", minimum: 1, maximum: 200 },
      want: "z.int().min(1).max(200)",
    },
    {
      name: "a query integer, coerced from its string",
      given: { type: "integer", minimum: 1, default: 50 },
      coerce: true,
      want: "z.coerce.number().int().min(1).default(50)",
    },
    { name: "a number", given: { type: "number", minimum: 0, maximum: 1 }, want: "z.number().min(0).max(1)" },
    { name: "a boolean", given: { type: "boolean" }, want: "z.boolean()" },
    { name: "a boolean const", given: { type: "boolean", const: true }, want: "z.literal(true)" },
    { name: "a $ref", given: { $ref: "#/components/schemas/ScanStatus" }, want: "ScanStatusSchema" },
    {
      name: "a $ref whose description is prose left out",
      given: { $ref: "#/components/schemas/ErrorSlug", description: "which" },
      want: "ErrorSlugSchema",
    },
    {
      name: "a bounded nullable array of $refs",
      given: { type: ["array", "null"], minItems: 1, maxItems: 100, items: { $ref: "#/components/schemas/ProbeId" } },
      want: "z.array(ProbeIdSchema).min(1).max(100).nullable()",
    },
    {
      name: "a closed object: required, optional and defaulted properties",
      given: {
        type: "object",
        required: ["a"],
        additionalProperties: false,
        properties: { a: { type: "string" }, b: { type: "integer" }, c: { type: "boolean", default: false } },
      },
      want: `z.strictObject({ "a": z.string(), "b": z.int().optional(), "c": z.boolean().default(false) })`,
    },
    {
      name: "an open object",
      given: {
        type: "object",
        required: ["error"],
        additionalProperties: true,
        properties: { error: { $ref: "#/components/schemas/ErrorSlug" } },
      },
      want: `z.looseObject({ "error": ErrorSlugSchema })`,
    },
    {
      name: "an object that leaves additionalProperties unsaid",
      given: { type: "object", properties: { a: { type: "string" } } },
      want: `z.object({ "a": z.string().optional() })`,
    },
    {
      name: "a map of one value type",
      given: { type: "object", additionalProperties: { type: "string" } },
      want: "z.record(z.string(), z.string())",
    },
    {
      name: "a map of anything",
      given: { type: "object", additionalProperties: true },
      want: "z.record(z.string(), z.unknown())",
    },
    {
      name: "minProperties, enforced by a refinement and kept as metadata",
      given: { type: "object", minProperties: 1, additionalProperties: false, properties: { a: { type: "string" } } },
      want: `z.strictObject({ "a": z.string().optional() }).refine((value) => Object.keys(value).length >= 1, { message: "must set at least 1 field" }).openapi({"minProperties":1})`,
    },
    {
      name: "anyOf a $ref or null",
      given: { anyOf: [{ $ref: "#/components/schemas/Limits" }, { type: "null" }] },
      want: "z.union([LimitsSchema, z.null()])",
    },
    {
      name: "allOf a $ref and an object, as an extension",
      given: {
        allOf: [
          { $ref: "#/components/schemas/Scan" },
          { type: "object", required: ["tests"], properties: { tests: { type: "array", items: { type: "string" } } } },
        ],
      },
      want: `ScanSchema.extend({ "tests": z.array(z.string()) })`,
    },
    {
      name: "description and writeOnly as metadata",
      given: { type: "string", description: "A secret.", writeOnly: true },
      want: `z.string().openapi({"description":"A secret.","writeOnly":true})`,
    },
    {
      name: "extensions (x-...) as metadata",
      given: {
        type: "string",
        enum: ["a", "b"],
        description: "Slugs.",
        "x-enumDescriptions": { a: "First.", b: "Second." },
      },
      want: `z.enum(["a","b"]).openapi({"description":"Slugs.","x-enumDescriptions":{"a":"First.","b":"Second."}})`,
    },
  ];

  it.each(cases)("$name", ({ given, coerce, want }) => {
    expect(schemaToZod(given, { coerce })).toBe(want);
  });

  const refused: Array<{ name: string; given: Given; want: string }> = [
    {
      name: "a keyword it does not handle",
      given: { oneOf: [{ type: "string" }] },
      want: `generator does not handle keyword "oneOf"`,
    },
    {
      name: "a string format it does not handle",
      given: { type: "string", format: "binary" },
      want: "unsupported string format binary",
    },
    {
      name: "two non-null types",
      given: { type: ["string", "integer"] },
      want: `unsupported type ["string","integer"]`,
    },
    { name: "a schema without a type", given: { description: "anything" }, want: "unsupported type undefined" },
    {
      name: "allOf that does not start with a $ref",
      given: { allOf: [{ type: "object" }, { type: "object" }] },
      want: "allOf must be a $ref followed by objects",
    },
    {
      name: "a $ref outside components",
      given: { $ref: "other.yaml#/Thing" },
      want: "unsupported $ref other.yaml#/Thing",
    },
    {
      name: "tuple items",
      given: { type: "array", items: [{ type: "string" }] },
      want: "tuple items are not supported",
    },
  ];

  it.each(refused)("refuses $name", ({ given, want }) => {
    expect(() => schemaToZod(given)).toThrow(want);
  });
});

describe("orderComponents", () => {
  it.each([
    {
      name: "declares what a schema references before it",
      given: { Scan: { $ref: "#/components/schemas/ScanStatus" }, ScanStatus: { type: "string" } },
      want: ["ScanStatus", "Scan"],
    },
    {
      name: "keeps the document's order otherwise",
      given: { B: { type: "string" }, A: { type: "string" } },
      want: ["B", "A"],
    },
  ] as Array<{ name: string; given: Record<string, ContractSchema>; want: string[] }>)("$name", ({ given, want }) => {
    expect(orderComponents(given)).toEqual(want);
  });

  it.each([
    {
      name: "a cycle",
      given: { A: { type: "array", items: { $ref: "#/components/schemas/A" } } },
      want: "cyclic schema A is not supported",
    },
    {
      name: "a dangling $ref",
      given: { A: { type: "array", items: { $ref: "#/components/schemas/Missing" } } },
      want: "dangling $ref #/components/schemas/Missing",
    },
  ] as Array<{ name: string; given: Record<string, ContractSchema>; want: string }>)(
    "refuses $name",
    ({ given, want }) => {
      expect(() => orderComponents(given)).toThrow(want);
    },
  );
});

// A contract of one component, one shared parameter and response, and two operations.
const base = (): OpenAPI3 => ({
  openapi: "3.1.0",
  info: { title: "T", version: "1" },
  security: [{ bearerAuth: [] }],
  components: {
    securitySchemes: { bearerAuth: { type: "http", scheme: "bearer" } },
    parameters: { Id: { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } } },
    responses: {
      NotFound: {
        description: "No such thing.",
        content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } },
      },
    },
    schemas: { Thing: { type: "object", required: ["id"], properties: { id: { type: "string", format: "uuid" } } } },
  },
  paths: {
    "/things/{id}": {
      get: {
        operationId: "getThing",
        tags: ["things"],
        summary: "Get a thing",
        security: [{ bearerAuth: ["things:read"] }],
        parameters: [
          { $ref: "#/components/parameters/Id" },
          { name: "Idempotency-Key", in: "header", schema: { type: "string" } },
        ],
        responses: {
          "200": {
            description: "The thing.",
            headers: { "X-Count": { schema: { type: "integer" } } },
            content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } },
          },
          "404": { $ref: "#/components/responses/NotFound" },
        },
      },
    },
    "/things": {
      post: {
        operationId: "createThing",
        security: [],
        parameters: [{ name: "limit", in: "query", schema: { type: "integer", default: 50 } }],
        requestBody: {
          required: true,
          content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } },
        },
        responses: { "201": { description: "Created." } },
      },
    },
  },
});

describe("generateServerContract", () => {
  it("writes components, routes, the operation table and document info", () => {
    expect(generateServerContract(base())).toBe(
      [
        `import { createRoute, z } from "@hono/zod-openapi";`,
        ``,
        `export const ThingSchema = z.object({ "id": z.uuid() }).openapi("Thing");`,
        ``,
        `export const getThingRoute = createRoute({ operationId: "getThing", method: "get", path: "/things/{id}", tags: ["things"], summary: "Get a thing", security: [{"bearerAuth":["things:read"]}], ` +
          `request: { params: z.object({ "id": z.uuid().openapi({"param":{"name":"id","in":"path"}}) }), headers: z.object({ "Idempotency-Key": z.string().openapi({"param":{"name":"Idempotency-Key","in":"header"}}).optional() }) }, ` +
          `responses: { 200: { description: "The thing.", headers: {"X-Count":{"schema":{"type":"integer"}}}, content: { "application/json": { schema: ThingSchema } } }, 404: { description: "No such thing.", content: { "application/json": { schema: ThingSchema } } } } });`,
        `export const createThingRoute = createRoute({ operationId: "createThing", method: "post", path: "/things", security: [], ` +
          `request: { query: z.object({ "limit": z.coerce.number().int().default(50).openapi({"param":{"name":"limit","in":"query"}}) }), body: { required: true, content: { "application/json": { schema: ThingSchema } } } }, ` +
          `responses: { 201: { description: "Created." } } });`,
        ``,
        `export interface OperationInfo { operationId: string; method: string; path: string; scope: string | null; public: boolean }`,
        `export const operations: readonly OperationInfo[] = ${JSON.stringify(
          [
            { operationId: "getThing", method: "get", path: "/things/{id}", scope: "things:read", public: false },
            { operationId: "createThing", method: "post", path: "/things", scope: null, public: true },
          ],
          null,
          2,
        )};`,
        ``,
        `export const documentInfo = {"openapi":"3.1.0","info":{"title":"T","version":"1"},"security":[{"bearerAuth":[]}]} as const;`,
        `export const securitySchemes = {"bearerAuth":{"type":"http","scheme":"bearer"}} as const;`,
        ``,
      ].join("\n"),
    );
  });

  it("exports the ErrorSlug type, documented slug by slug, right after its schema", () => {
    const spec = base();
    spec.components!.schemas = {
      ErrorSlug: {
        type: "string",
        enum: ["not_found", "rate_limited"],
        "x-enumDescriptions": { not_found: "404: no such route.", rate_limited: "Too many requests." },
      },
    };
    const lines = generateServerContract(spec).split("\n");
    const at = lines.indexOf(
      `export const ErrorSlugSchema = z.enum(["not_found","rate_limited"]).openapi({"x-enumDescriptions":{"not_found":"404: no such route.","rate_limited":"Too many requests."}}).openapi("ErrorSlug");`,
    );
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 7)).toEqual([
      `/**`,
      ` * Every \`error\` slug the API answers (openapi.yaml components.schemas.ErrorSlug):`,
      ` * - \`not_found\` (404): no such route.`,
      ` * - \`rate_limited\`: Too many requests.`,
      ` */`,
      `export type ErrorSlug = z.infer<typeof ErrorSlugSchema>;`,
    ]);
  });

  const getThing = (spec: OpenAPI3) => (spec.paths!["/things/{id}"] as { get: OperationObject }).get;
  const createThing = (spec: OpenAPI3) => (spec.paths!["/things"] as { post: OperationObject }).post;
  const refused: Array<{ name: string; change: (spec: OpenAPI3) => void; want: string }> = [
    {
      name: "an operation with two scopes",
      change: (spec) => {
        getThing(spec).security = [{ bearerAuth: ["a", "b"] }] as OperationObject["security"];
      },
      want: "getThing: one scope per operation",
    },
    {
      name: "a $ref to a missing parameter",
      change: (spec) => void delete spec.components!.parameters!.Id,
      want: "dangling $ref #/components/parameters/Id",
    },
    {
      name: "a parameter $ref that names a schema",
      change: (spec) => void (spec.components!.parameters = { Id: { $ref: "#/components/schemas/Thing" } }),
      want: "#/components/schemas/Thing is not a parameters reference",
    },
    {
      name: "a request body $ref",
      change: (spec) => void (createThing(spec).requestBody = { $ref: "#/components/requestBodies/Thing" }),
      want: "createThing: requestBody $refs are not supported",
    },
    {
      name: "an operation without an operationId",
      change: (spec) => void delete createThing(spec).operationId,
      want: "post /things: needs an operationId",
    },
  ];

  it.each(refused)("refuses $name", ({ change, want }) => {
    const spec = base();
    change(spec);
    expect(() => generateServerContract(spec)).toThrow(want);
  });
});
