// The server's emitted document must say what openapi.yaml says: same paths, methods, parameters,
// status codes and schemas. Prose (descriptions, summaries) is left out of the comparison.

import { createApp, openApiDocument } from "@penaxtra/server";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { spec } from "../support/spec.ts";

type Json = any;
const PROSE = new Set(["description", "summary", "title", "example", "examples", "tags"]);

function resolve(document: Json, value: Json): Json {
  if (value && typeof value.$ref === "string" && !value.$ref.startsWith("#/components/schemas/")) {
    const path = value.$ref.replace(/^#\//, "").split("/");
    return resolve(
      document,
      path.reduce((node: Json, key: string) => node[key], document),
    );
  }
  return value;
}

function normalizeSchema(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(normalizeSchema);
  if (!schema || typeof schema !== "object") return schema;
  const out: Json = {};
  for (const key of Object.keys(schema).sort()) {
    if (PROSE.has(key) && typeof schema[key] === "string") continue;
    let value = schema[key];
    // A one-value enum and a const say the same thing; zod emits the former.
    if (key === "enum" && Array.isArray(value) && value.length === 1) {
      out.const = value[0];
      continue;
    }
    if (key === "required" && Array.isArray(value)) value = [...value].sort();
    else if (key === "additionalProperties" && value && typeof value === "object" && Object.keys(value).length === 0)
      value = true;
    else if (key === "properties")
      value = Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((name) => [name, normalizeSchema(value[name])]),
      );
    else value = normalizeSchema(value);
    out[key] = value;
  }
  return out;
}

function normalizeOperation(document: Json, operation: Json): Json {
  const parameters = (operation.parameters ?? [])
    .map((parameter: Json) => resolve(document, parameter))
    .map((p: Json) => ({ name: p.name, in: p.in, required: Boolean(p.required), schema: normalizeSchema(p.schema) }))
    .sort((a: Json, b: Json) => `${a.in}:${a.name}`.localeCompare(`${b.in}:${b.name}`));
  const body = operation.requestBody ? resolve(document, operation.requestBody) : null;
  const responses = Object.fromEntries(
    Object.entries(operation.responses ?? {}).map(([status, raw]) => {
      const response = resolve(document, raw);
      return [
        status,
        {
          headers: Object.keys(response.headers ?? {}).sort(),
          content: Object.fromEntries(
            Object.entries(response.content ?? {}).map(([type, media]: [string, Json]) => [
              type,
              normalizeSchema(media.schema),
            ]),
          ),
        },
      ];
    }),
  );
  return {
    operationId: operation.operationId,
    security: operation.security ?? document.security,
    parameters,
    requestBody: body && {
      required: Boolean(body.required),
      content: Object.fromEntries(
        Object.entries(body.content).map(([type, media]: [string, Json]) => [type, normalizeSchema(media.schema)]),
      ),
    },
    responses,
  };
}

function operationsOf(document: Json): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [path, item] of Object.entries(document.paths as Record<string, Json>)) {
    for (const [method, operation] of Object.entries(item as Record<string, Json>))
      out[`${method.toUpperCase()} ${path}`] = normalizeOperation(document, operation);
  }
  return out;
}

// The app only builds its document here; no request reaches the database.
const app = createApp({
  db: null as never,
  pg: null as never,
  config: { rateLimit: { perMinute: 1, burst: 1 }, bodyLimitBytes: 1 } as never,
  log: pino({ level: "silent" }),
  secretBox: null as never,
  queue: null as never,
  targetPolicy: { allowPrivate: false },
});
const emitted = JSON.parse(JSON.stringify(openApiDocument(app)));

describe("the served OpenAPI document matches openapi.yaml", () => {
  const expected = operationsOf(spec);
  const actual = operationsOf(emitted);

  it("has the same paths and methods", () => {
    expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.keys(expected))("%s has the same parameters, body, status codes and response schemas", (key) => {
    expect(actual[key]).toEqual(expected[key]);
  });

  it("has the same component schemas", () => {
    const names = Object.keys(spec.components.schemas).sort();
    expect(Object.keys(emitted.components.schemas).sort()).toEqual(names);
    const differing = names.filter(
      (name) =>
        JSON.stringify(normalizeSchema(emitted.components.schemas[name])) !==
        JSON.stringify(normalizeSchema(spec.components.schemas[name])),
    );
    for (const name of differing)
      expect(normalizeSchema(emitted.components.schemas[name]), name).toEqual(
        normalizeSchema(spec.components.schemas[name]),
      );
    expect(differing).toEqual([]);
  });

  it("declares the bearer security scheme", () => {
    expect(emitted.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
  });
});
