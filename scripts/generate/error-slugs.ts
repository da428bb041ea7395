// components.schemas.ErrorSlug lists every `error` slug the API answers. Both generated files export it
// as the type `ErrorSlug` (the server's ApiError and the SDK's error `code` use it), and the generator
// refuses a contract whose error schemas name a slug the list does not have.
import type { OpenAPI3, ReferenceObject, SchemaObject } from "openapi-typescript";

export const ERROR_SLUG = "ErrorSlug";
const ERROR_SLUG_REF = `#/components/schemas/${ERROR_SLUG}`;

/**
 * The slugs of components.schemas.ErrorSlug, or undefined when the contract has no such schema.
 * Throws unless it is a string enum whose `x-enumDescriptions` (if any) describe exactly its values,
 * and every `...Error` schema's `error` property is either a `$ref` to it or a `const` it lists.
 */
export function errorSlugs(spec: OpenAPI3): string[] | undefined {
  const schemas = spec.components?.schemas ?? {};
  const schema = schemas[ERROR_SLUG];
  if (!schema) return undefined;
  const values = schema.enum;
  if (
    schema.type !== "string" ||
    !values?.length ||
    !values.every((value): value is string => typeof value === "string")
  ) {
    throw new Error(`${ERROR_SLUG} must be a string enum`);
  }
  const duplicates = values.filter((value, index) => values.indexOf(value) !== index);
  if (duplicates.length) throw new Error(`${ERROR_SLUG} lists ${duplicates.join(", ")} more than once`);
  const descriptions = schema["x-enumDescriptions"] as Record<string, unknown> | undefined;
  if (descriptions !== undefined) {
    const undescribed = values.filter((value) => typeof descriptions[value] !== "string");
    const unknown = Object.keys(descriptions).filter((key) => !values.includes(key));
    if (undescribed.length)
      throw new Error(`${ERROR_SLUG} x-enumDescriptions has no description for ${undescribed.join(", ")}`);
    if (unknown.length)
      throw new Error(`${ERROR_SLUG} x-enumDescriptions describes ${unknown.join(", ")}, which the enum does not list`);
  }

  for (const [name, errorSchema] of Object.entries(schemas)) {
    if (!name.endsWith("Error")) continue;
    const property = (errorSchema as { properties?: Record<string, SchemaObject | ReferenceObject> }).properties?.error;
    if (!property) continue;
    if ("$ref" in property) {
      if (property.$ref !== ERROR_SLUG_REF)
        throw new Error(`${name}.error must reference ${ERROR_SLUG}, not ${property.$ref}`);
      continue;
    }
    const named = property.const !== undefined ? [property.const] : (property.enum ?? []);
    if (!named.length) throw new Error(`${name}.error must be a $ref to ${ERROR_SLUG} or a const it lists`);
    const missing = named.filter((slug) => !values.includes(slug as string));
    if (missing.length) throw new Error(`${name}.error names ${missing.join(", ")}, which ${ERROR_SLUG} does not list`);
  }
  return values;
}

/**
 * The doc comment both generated files put on their `ErrorSlug` type: one line per slug, with its
 * `x-enumDescriptions` text when the contract has one, so an editor shows the list on hover.
 */
export function errorSlugDoc(spec: OpenAPI3): string {
  const slugs = errorSlugs(spec) ?? [];
  const descriptions = (spec.components?.schemas?.[ERROR_SLUG]?.["x-enumDescriptions"] ?? {}) as Record<string, string>;
  const line = (slug: string) => {
    // "400: the body is not valid JSON" reads as "- `invalid_json` (400): the body is not valid JSON".
    const text = (descriptions[slug] ?? "").replaceAll("*/", "*\\/").replace(/^(\d{3}): /, "($1): ");
    return ` * - \`${slug}\`${text ? (text.startsWith("(") ? " " : ": ") + text : ""}`;
  };
  const lines = slugs.map(line);
  return [
    `/**`,
    ` * Every \`error\` slug the API answers (openapi.yaml components.schemas.${ERROR_SLUG}):`,
    ...lines,
    ` */`,
  ].join("\n");
}

/** What the SDK's generated file adds after openapi-typescript's output (which declares `components`). */
export function sdkErrorSlugType(spec: OpenAPI3): string {
  if (!errorSlugs(spec)) return "";
  return `\n${errorSlugDoc(spec)}\nexport type ${ERROR_SLUG} = components["schemas"]["${ERROR_SLUG}"];\n`;
}
