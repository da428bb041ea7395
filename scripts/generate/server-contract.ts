// Turns openapi.yaml into zod schemas and @hono/zod-openapi route definitions.
// It understands the subset of JSON Schema the contract uses and fails loudly on anything else,
// so a new keyword in openapi.yaml cannot be silently dropped from server validation.

type Schema = Record<string, any>;
type Spec = Record<string, any>;

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

// Keywords the emitted document must keep as written: carried as .openapi() metadata (minProperties
// is also enforced, by a refinement that zod-openapi does not render).
const METADATA_KEYS = ["description", "writeOnly", "minProperties"] as const;
const HANDLED_KEYS = new Set([
  "type", "enum", "const", "format", "pattern", "minLength", "maxLength", "minimum", "maximum",
  "default", "items", "minItems", "maxItems", "properties", "required", "additionalProperties",
  "$ref", "anyOf", "allOf", ...METADATA_KEYS,
]);

const refName = (ref: string) => {
  const match = /^#\/components\/(schemas|parameters|responses)\/(.+)$/.exec(ref);
  if (!match) throw new Error(`unsupported $ref ${ref}`);
  return { section: match[1]!, name: match[2]! };
};

function resolveRef<T>(spec: Spec, value: any): T {
  if (value && typeof value.$ref === "string") {
    const { section, name } = refName(value.$ref);
    const target = spec.components?.[section]?.[name];
    if (!target) throw new Error(`dangling $ref ${value.$ref}`);
    return target as T;
  }
  return value as T;
}

const lit = (value: unknown) => JSON.stringify(value);
// `ErrorSchema`, not `Error`: component names must not shadow globals.
const componentIdentifier = (name: string) => `${name}Schema`;

function withMetadata(code: string, schema: Schema): string {
  const metadata: Record<string, unknown> = {};
  for (const key of METADATA_KEYS) if (schema[key] !== undefined) metadata[key] = schema[key];
  return Object.keys(metadata).length ? `${code}.openapi(${lit(metadata)})` : code;
}

interface EmitOptions {
  coerce?: boolean; // query and path values arrive as strings
}

export function schemaToZod(schema: Schema, options: EmitOptions = {}): string {
  for (const key of Object.keys(schema)) {
    if (!HANDLED_KEYS.has(key)) throw new Error(`generator does not handle keyword "${key}"`);
  }
  if (schema.$ref) return componentIdentifier(refName(schema.$ref).name);

  if (schema.anyOf) {
    const variants = (schema.anyOf as Schema[]).map((v) => (v.type === "null" && Object.keys(v).length === 1 ? "z.null()" : schemaToZod(v, options)));
    return withMetadata(`z.union([${variants.join(", ")}])`, schema);
  }
  if (schema.allOf) {
    const [first, ...rest] = schema.allOf as Schema[];
    if (!first?.$ref || rest.some((part) => part.type !== "object")) throw new Error("allOf must be a $ref followed by objects");
    const extension = rest.map((part) => objectShape(part)).join(", ");
    return `${componentIdentifier(refName(first.$ref).name)}.extend({ ${extension} })`;
  }

  const types: string[] = Array.isArray(schema.type) ? schema.type : [schema.type];
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
      if (schema.minimum !== undefined) code += `.min(${schema.minimum})`;
      if (schema.maximum !== undefined) code += `.max(${schema.maximum})`;
      break;
    case "number":
      code = options.coerce ? "z.coerce.number()" : "z.number()";
      if (schema.minimum !== undefined) code += `.min(${schema.minimum})`;
      if (schema.maximum !== undefined) code += `.max(${schema.maximum})`;
      break;
    case "boolean":
      code = schema.const !== undefined ? `z.literal(${lit(schema.const)})` : "z.boolean()";
      break;
    case "array":
      code = `z.array(${schemaToZod(schema.items ?? {}, options)})`;
      if (schema.minItems !== undefined) code += `.min(${schema.minItems})`;
      if (schema.maxItems !== undefined) code += `.max(${schema.maxItems})`;
      break;
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

function stringToZod(schema: Schema): string {
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
  if (schema.minLength !== undefined) code += `.min(${schema.minLength})`;
  if (schema.maxLength !== undefined) code += `.max(${schema.maxLength})`;
  if (schema.pattern !== undefined) code += `.regex(new RegExp(${lit(schema.pattern)}))`;
  return code;
}

function objectShape(schema: Schema): string {
  const required = new Set<string>(schema.required ?? []);
  return Object.entries((schema.properties ?? {}) as Record<string, Schema>)
    .map(([key, property]) => {
      const value = schemaToZod(property);
      const optional = !required.has(key) && property.default === undefined;
      return `${lit(key)}: ${value}${optional ? ".optional()" : ""}`;
    })
    .join(", ");
}

function objectToZod(schema: Schema): string {
  const additional = schema.additionalProperties;
  if (!schema.properties && additional && typeof additional === "object") {
    return `z.record(z.string(), ${schemaToZod(additional)})`;
  }
  if (!schema.properties && additional === true) return "z.record(z.string(), z.unknown())";
  const shape = `{ ${objectShape(schema)} }`;
  const object = additional === false ? `z.strictObject(${shape})` : additional === true ? `z.looseObject(${shape})` : `z.object(${shape})`;
  if (schema.minProperties === undefined) return object;
  const min = Number(schema.minProperties);
  return `${object}.refine((value) => Object.keys(value).length >= ${min}, { message: ${lit(`must set at least ${min} field${min === 1 ? "" : "s"}`)} })`;
}

// Components must be declared before use: order them so references come first.
function orderComponents(schemas: Record<string, Schema>): string[] {
  const ordered: string[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (name: string) => {
    if (state.get(name) === "done") return;
    if (state.get(name) === "visiting") throw new Error(`cyclic schema ${name} is not supported`);
    state.set(name, "visiting");
    for (const dependency of collectRefs(schemas[name])) visit(dependency);
    state.set(name, "done");
    ordered.push(name);
  };
  for (const name of Object.keys(schemas)) visit(name);
  return ordered;
}

function collectRefs(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => collectRefs(item, found));
  else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if (key === "$ref" && typeof inner === "string") found.add(refName(inner).name);
      else collectRefs(inner, found);
    }
  }
  return found;
}

function parametersToZod(parameters: Schema[], location: string): string | undefined {
  const selected = parameters.filter((p) => p.in === location);
  if (!selected.length) return undefined;
  const entries = selected.map((p) => {
    let value = schemaToZod(p.schema, { coerce: location !== "header" });
    const metadata: Record<string, unknown> = { param: { name: p.name, in: p.in } };
    if (p.description) metadata.description = p.description;
    value += `.openapi(${lit(metadata)})`;
    const optional = !p.required && p.schema.default === undefined;
    const key = p.name;
    return `${lit(key)}: ${value}${optional ? ".optional()" : ""}`;
  });
  return `z.object({ ${entries.join(", ")} })`;
}

export interface OperationInfo {
  operationId: string;
  method: string;
  path: string;
  scope: string | null;
  public: boolean;
}

export function generateServerContract(spec: Spec): string {
  const schemas = (spec.components?.schemas ?? {}) as Record<string, Schema>;
  const lines: string[] = [`import { createRoute, z } from "@hono/zod-openapi";`, ""];

  for (const name of orderComponents(schemas)) {
    lines.push(`export const ${componentIdentifier(name)} = ${schemaToZod(schemas[name]!)}.openapi(${lit(name)});`);
  }
  lines.push("");

  const operations: OperationInfo[] = [];
  for (const [path, item] of Object.entries(spec.paths as Record<string, Schema>)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const security = operation.security ?? spec.security ?? [];
      const isPublic = security.length === 0;
      const scopes: string[] = isPublic ? [] : (security[0].bearerAuth ?? []);
      if (scopes.length > 1) throw new Error(`${operation.operationId}: one scope per operation`);
      operations.push({ operationId: operation.operationId, method, path, scope: scopes[0] ?? null, public: isPublic });

      const parameters = ((operation.parameters ?? []) as Schema[]).map((p) => resolveRef<Schema>(spec, p));
      const request: string[] = [];
      const params = parametersToZod(parameters, "path");
      const query = parametersToZod(parameters, "query");
      const headers = parametersToZod(parameters, "header");
      if (params) request.push(`params: ${params}`);
      if (query) request.push(`query: ${query}`);
      if (headers) request.push(`headers: ${headers}`);
      if (operation.requestBody) {
        const body = resolveRef<Schema>(spec, operation.requestBody);
        const content = Object.entries(body.content as Record<string, Schema>)
          .map(([type, media]) => `${lit(type)}: { schema: ${schemaToZod(media.schema)} }`)
          .join(", ");
        request.push(`body: { required: ${Boolean(body.required)}, content: { ${content} } }`);
      }

      const responses = Object.entries(operation.responses as Record<string, Schema>).map(([status, raw]) => {
        const response = resolveRef<Schema>(spec, raw);
        const parts = [`description: ${lit(response.description)}`];
        if (response.headers) parts.push(`headers: ${lit(response.headers)}`);
        if (response.content) {
          const content = Object.entries(response.content as Record<string, Schema>)
            .map(([type, media]) => `${lit(type)}: { schema: ${schemaToZod(media.schema)} }`)
            .join(", ");
          parts.push(`content: { ${content} }`);
        }
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
  lines.push(`export interface OperationInfo { operationId: string; method: string; path: string; scope: string | null; public: boolean }`);
  lines.push(`export const operations: readonly OperationInfo[] = ${JSON.stringify(operations, null, 2)};`);
  lines.push("");
  lines.push(`export const documentInfo = ${lit({ openapi: spec.openapi, info: spec.info, servers: spec.servers, tags: spec.tags, security: spec.security })} as const;`);
  lines.push(`export const securitySchemes = ${lit(spec.components?.securitySchemes ?? {})} as const;`);
  return lines.join("\n") + "\n";
}
