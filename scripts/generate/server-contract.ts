// Turns openapi.yaml into zod schemas and @hono/zod-openapi route definitions.
// It understands the subset of JSON Schema the contract uses and fails loudly on anything else,
// so a new keyword in openapi.yaml cannot be silently dropped from server validation.
import type {
  MediaTypeObject,
  OpenAPI3,
  OperationObject,
  ParameterObject,
  ReferenceObject,
  RequestBodyObject,
  ResponseObject,
  SchemaObject,
} from "openapi-typescript";
import { ERROR_SLUG, errorSlugDoc, errorSlugs } from "./error-slugs.ts";

/**
 * A schema as openapi.yaml writes it: openapi-typescript's SchemaObject, or an anyOf/allOf without a
 * `type` (which JSON Schema allows and SchemaObject does not).
 */
export type ContractSchema = SchemaObject | (Omit<SchemaObject, "type"> & { type?: undefined });
type SchemaOrRef = ContractSchema | ReferenceObject;

/**
 * The keywords this generator reads. openapi-typescript's SchemaObject declares some of them on one
 * `type` variant only (and minLength, maxLength, pattern, minProperties not at all), and a
 * `type: [string, "null"]` does not narrow its union; every ContractSchema is assignable to this view.
 */
export interface Keywords {
  description?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  minProperties?: number;
  items?: SchemaOrRef | SchemaOrRef[];
  properties?: Record<string, SchemaOrRef>;
  additionalProperties?: boolean | Record<string, never> | SchemaOrRef;
}
const keywordsOf = (schema: ContractSchema): Keywords => schema;

/** A security requirement: scheme name to scopes. openapi-typescript's SecurityRequirementObject types it as `{}`. */
type SecurityRequirement = Record<string, string[]>;

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

// Keywords the emitted document must keep as written: carried as .openapi() metadata (minProperties
// is also enforced, by a refinement that zod-openapi does not render). Extensions (`x-...`) are too.
const METADATA_KEYS = ["description", "writeOnly", "minProperties"] as const;
const HANDLED_KEYS = new Set([
  "type",
  "enum",
  "const",
  "format",
  "pattern",
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
  "default",
  "items",
  "minItems",
  "maxItems",
  "properties",
  "required",
  "additionalProperties",
  "$ref",
  "anyOf",
  "allOf",
  ...METADATA_KEYS,
]);
const isExtension = (key: string) => key.startsWith("x-");

const isRef = (value: object): value is ReferenceObject => typeof (value as { $ref?: unknown }).$ref === "string";

type Section = "schemas" | "parameters" | "responses";

const refName = (ref: string): { section: Section; name: string } => {
  const match = /^#\/components\/(schemas|parameters|responses)\/(.+)$/.exec(ref);
  if (!match) throw new Error(`unsupported $ref ${ref}`);
  return { section: match[1] as Section, name: match[2]! };
};

/** A component of `section` as itself, or the component a `$ref` names. */
function resolveRef<T extends object>(spec: OpenAPI3, value: T | ReferenceObject, section: Section): T {
  if (!isRef(value)) return value;
  const target = refName(value.$ref);
  if (target.section !== section) throw new Error(`${value.$ref} is not a ${section} reference`);
  const found = (spec.components?.[section] as Record<string, T | ReferenceObject> | undefined)?.[target.name];
  if (!found) throw new Error(`dangling $ref ${value.$ref}`);
  // A component that is itself a $ref (to another component of the section).
  return resolveRef(spec, found, section);
}

const lit = (value: unknown) => JSON.stringify(value);
// `ErrorSchema`, not `Error`: component names must not shadow globals.
const componentIdentifier = (name: string) => `${name}Schema`;

function withMetadata(code: string, schema: ContractSchema): string {
  const metadata: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (value !== undefined && ((METADATA_KEYS as readonly string[]).includes(key) || isExtension(key)))
      metadata[key] = value;
  }
  return Object.keys(metadata).length ? `${code}.openapi(${lit(metadata)})` : code;
}

interface EmitOptions {
  coerce?: boolean; // query and path values arrive as strings
}

export function schemaToZod(schema: SchemaOrRef, options: EmitOptions = {}): string {
  for (const key of Object.keys(schema)) {
    if (!HANDLED_KEYS.has(key) && !isExtension(key)) throw new Error(`generator does not handle keyword "${key}"`);
  }
  // A description next to $ref is prose the emitted document leaves out (zod-openapi would wrap it in allOf).
  if (isRef(schema)) return componentIdentifier(refName(schema.$ref).name);
  const keywords = keywordsOf(schema);

  if (schema.anyOf) {
    const variants = schema.anyOf.map((v) =>
      !isRef(v) && v.type === "null" && Object.keys(v).length === 1 ? "z.null()" : schemaToZod(v, options),
    );
    return withMetadata(`z.union([${variants.join(", ")}])`, schema);
  }
  if (schema.allOf) {
    const [first, ...rest] = schema.allOf;
    if (!first || !isRef(first) || rest.some((part) => isRef(part) || part.type !== "object"))
      throw new Error("allOf must be a $ref followed by objects");
    const extension = (rest as ContractSchema[]).map((part) => objectShape(part)).join(", ");
    return `${componentIdentifier(refName(first.$ref).name)}.extend({ ${extension} })`;
  }

  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const nullable = types.includes("null");
  const nonNullTypes = types.filter((t) => t !== "null");
  if (nonNullTypes.length !== 1) throw new Error(`unsupported type ${lit(schema.type)}`);
  const type = nonNullTypes[0];

  let code: string;
  switch (type) {
    case "string":
      code = stringToZod(schema);
      break;
    case "integer":
      code = options.coerce ? "z.coerce.number().int()" : "z.int()";
      if (keywords.minimum !== undefined) code += `.min(${keywords.minimum})`;
      if (keywords.maximum !== undefined) code += `.max(${keywords.maximum})`;
      break;
    case "number":
      code = options.coerce ? "z.coerce.number()" : "z.number()";
      if (keywords.minimum !== undefined) code += `.min(${keywords.minimum})`;
      if (keywords.maximum !== undefined) code += `.max(${keywords.maximum})`;
      break;
    case "boolean":
      code = schema.const !== undefined ? `z.literal(${lit(schema.const)})` : "z.boolean()";
      break;
    case "array": {
      const items = keywords.items ?? {};
      if (Array.isArray(items)) throw new Error("tuple items are not supported");
      code = `z.array(${schemaToZod(items as SchemaOrRef, options)})`;
      if (keywords.minItems !== undefined) code += `.min(${keywords.minItems})`;
      if (keywords.maxItems !== undefined) code += `.max(${keywords.maxItems})`;
      break;
    }
    case "object":
      code = objectToZod(schema);
      break;
    default:
      throw new Error(`unsupported type ${type}`);
  }
  if (nullable) code += ".nullable()";
  if (schema.default !== undefined) code += `.default(${lit(schema.default)})`;
  return withMetadata(code, schema);
}

function stringToZod(schema: ContractSchema): string {
  const keywords = keywordsOf(schema);
  if (schema.enum) return `z.enum(${lit(schema.enum)})`;
  if (schema.const !== undefined) return `z.literal(${lit(schema.const)})`;
  let code: string;
  switch (schema.format) {
    case undefined:
      code = "z.string()";
      break;
    case "uuid":
      code = "z.uuid()";
      break;
    case "date-time":
      code = "z.iso.datetime({ offset: true })";
      break;
    case "uri":
      code = "z.url()";
      break;
    default:
      throw new Error(`unsupported string format ${schema.format}`);
  }
  if (keywords.minLength !== undefined) code += `.min(${keywords.minLength})`;
  if (keywords.maxLength !== undefined) code += `.max(${keywords.maxLength})`;
  if (keywords.pattern !== undefined) code += `.regex(new RegExp(${lit(keywords.pattern)}))`;
  return code;
}

function objectShape(schema: ContractSchema): string {
  const required = new Set<string>(schema.required ?? []);
  return Object.entries(keywordsOf(schema).properties ?? {})
    .map(([key, property]) => {
      const value = schemaToZod(property);
      const optional = !required.has(key) && (isRef(property) || property.default === undefined);
      return `${lit(key)}: ${value}${optional ? ".optional()" : ""}`;
    })
    .join(", ");
}

function objectToZod(schema: ContractSchema): string {
  const { properties, additionalProperties: additional, minProperties } = keywordsOf(schema);
  if (!properties && additional && typeof additional === "object") {
    // `{}` (any value) has no `type` and is refused like every other untyped schema.
    return `z.record(z.string(), ${schemaToZod(additional as SchemaOrRef)})`;
  }
  if (!properties && additional === true) return "z.record(z.string(), z.unknown())";
  const shape = `{ ${objectShape(schema)} }`;
  const object =
    additional === false
      ? `z.strictObject(${shape})`
      : additional === true
        ? `z.looseObject(${shape})`
        : `z.object(${shape})`;
  if (minProperties === undefined) return object;
  const min = Number(minProperties);
  return `${object}.refine((value) => Object.keys(value).length >= ${min}, { message: ${lit(`must set at least ${min} field${min === 1 ? "" : "s"}`)} })`;
}

// Components must be declared before use: order them so references come first.
export function orderComponents(schemas: Record<string, ContractSchema>): string[] {
  const ordered: string[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (name: string) => {
    if (state.get(name) === "done") return;
    if (state.get(name) === "visiting") throw new Error(`cyclic schema ${name} is not supported`);
    if (!(name in schemas)) throw new Error(`dangling $ref #/components/schemas/${name}`);
    state.set(name, "visiting");
    for (const dependency of collectRefs(schemas[name])) visit(dependency);
    state.set(name, "done");
    ordered.push(name);
  };
  for (const name of Object.keys(schemas)) visit(name);
  return ordered;
}

function collectRefs(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) collectRefs(item, found);
  } else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if (key === "$ref" && typeof inner === "string") found.add(refName(inner).name);
      else collectRefs(inner, found);
    }
  }
  return found;
}

function parametersToZod(parameters: ParameterObject[], location: ParameterObject["in"]): string | undefined {
  const selected = parameters.filter((p) => p.in === location);
  if (!selected.length) return undefined;
  const entries = selected.map((p) => {
    // openapi-typescript types a parameter's schema as SchemaObject; in 3.1 it may be a $ref too.
    const schema = p.schema as SchemaOrRef | undefined;
    if (!schema) throw new Error(`parameter ${p.name} needs a schema`);
    let value = schemaToZod(schema, { coerce: location !== "header" });
    const metadata: Record<string, unknown> = { param: { name: p.name, in: p.in } };
    if (p.description) metadata.description = p.description;
    value += `.openapi(${lit(metadata)})`;
    const optional = !p.required && (isRef(schema) || schema.default === undefined);
    return `${lit(p.name)}: ${value}${optional ? ".optional()" : ""}`;
  });
  return `z.object({ ${entries.join(", ")} })`;
}

function contentToZod(content: Record<string, MediaTypeObject | ReferenceObject>, where: string): string {
  return Object.entries(content)
    .map(([type, media]) => {
      if (isRef(media) || !media.schema) throw new Error(`${where}: ${type} needs an inline media type with a schema`);
      return `${lit(type)}: { schema: ${schemaToZod(media.schema)} }`;
    })
    .join(", ");
}

export interface OperationInfo {
  operationId: string;
  method: string;
  path: string;
  scope: string | null;
  public: boolean;
}

export function generateServerContract(spec: OpenAPI3): string {
  const schemas = spec.components?.schemas ?? {};
  const slugs = errorSlugs(spec);
  const lines: string[] = [`import { createRoute, z } from "@hono/zod-openapi";`, ""];

  for (const name of orderComponents(schemas)) {
    lines.push(`export const ${componentIdentifier(name)} = ${schemaToZod(schemas[name]!)}.openapi(${lit(name)});`);
    if (name === ERROR_SLUG && slugs) {
      lines.push(errorSlugDoc(spec));
      lines.push(`export type ${ERROR_SLUG} = z.infer<typeof ${componentIdentifier(ERROR_SLUG)}>;`);
    }
  }
  lines.push("");

  const operations: OperationInfo[] = [];
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    if (isRef(item)) throw new Error(`${path}: path item $refs are not supported`);
    for (const method of METHODS) {
      const raw = item[method];
      if (!raw) continue;
      if (isRef(raw)) throw new Error(`${method} ${path}: operation $refs are not supported`);
      const operation: OperationObject = raw;
      if (!operation.operationId) throw new Error(`${method} ${path}: needs an operationId`);
      const security = (operation.security ?? spec.security ?? []) as SecurityRequirement[];
      const isPublic = security.length === 0;
      const scopes = isPublic ? [] : (security[0]!.bearerAuth ?? []);
      if (scopes.length > 1) throw new Error(`${operation.operationId}: one scope per operation`);
      operations.push({ operationId: operation.operationId, method, path, scope: scopes[0] ?? null, public: isPublic });

      const parameters = (operation.parameters ?? []).map((p) => resolveRef<ParameterObject>(spec, p, "parameters"));
      const request: string[] = [];
      const params = parametersToZod(parameters, "path");
      const query = parametersToZod(parameters, "query");
      const headers = parametersToZod(parameters, "header");
      if (params) request.push(`params: ${params}`);
      if (query) request.push(`query: ${query}`);
      if (headers) request.push(`headers: ${headers}`);
      if (operation.requestBody) {
        if (isRef(operation.requestBody))
          throw new Error(`${operation.operationId}: requestBody $refs are not supported`);
        const body: RequestBodyObject = operation.requestBody;
        request.push(
          `body: { required: ${Boolean(body.required)}, content: { ${contentToZod(body.content, `${operation.operationId} request body`)} } }`,
        );
      }

      const responses = Object.entries(operation.responses ?? {}).map(([status, raw]) => {
        const response = resolveRef<ResponseObject>(spec, raw, "responses");
        const parts = [`description: ${lit(response.description)}`];
        if (response.headers) parts.push(`headers: ${lit(response.headers)}`);
        if (response.content)
          parts.push(`content: { ${contentToZod(response.content, `${operation.operationId} ${status}`)} }`);
        return `${/^\d+$/.test(status) ? status : lit(status)}: { ${parts.join(", ")} }`;
      });

      const fields = [
        `operationId: ${lit(operation.operationId)}`,
        `method: ${lit(method)}`,
        `path: ${lit(path)}`,
        operation.tags ? `tags: ${lit(operation.tags)}` : undefined,
        operation.summary ? `summary: ${lit(operation.summary)}` : undefined,
        operation.description ? `description: ${lit(operation.description)}` : undefined,
        `security: ${lit(security)}`,
        request.length ? `request: { ${request.join(", ")} }` : undefined,
        `responses: { ${responses.join(", ")} }`,
      ].filter(Boolean);
      lines.push(`export const ${operation.operationId}Route = createRoute({ ${fields.join(", ")} });`);
    }
  }
  lines.push("");
  lines.push(
    `export interface OperationInfo { operationId: string; method: string; path: string; scope: string | null; public: boolean }`,
  );
  lines.push(`export const operations: readonly OperationInfo[] = ${JSON.stringify(operations, null, 2)};`);
  lines.push("");
  lines.push(
    `export const documentInfo = ${lit({ openapi: spec.openapi, info: spec.info, servers: spec.servers, tags: spec.tags, security: spec.security })} as const;`,
  );
  lines.push(`export const securitySchemes = ${lit(spec.components?.securitySchemes ?? {})} as const;`);
  return `${lines.join("\n")}\n`;
}
