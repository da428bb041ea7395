// Given the components of a contract, want the ErrorSlug list (or the refusal) and the type the SDK gets.
import type { ComponentsObject, OpenAPI3 } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { errorSlugs, sdkErrorSlugType } from "./error-slugs.ts";

const contract = (schemas: ComponentsObject["schemas"]): OpenAPI3 => ({
  openapi: "3.1.0",
  info: { title: "T", version: "1" },
  components: { schemas },
});
const slugs = { type: "string" as const, enum: ["not_found", "rate_limited"] };
const ref = { $ref: "#/components/schemas/ErrorSlug" };

describe("errorSlugs", () => {
  it.each([
    { name: "no ErrorSlug schema", given: { Thing: { type: "string" } }, want: undefined },
    { name: "the enum", given: { ErrorSlug: { ...slugs } }, want: ["not_found", "rate_limited"] },
    {
      name: "the enum, described value by value",
      given: { ErrorSlug: { ...slugs, "x-enumDescriptions": { not_found: "404.", rate_limited: "429." } } },
      want: ["not_found", "rate_limited"],
    },
    {
      name: "error schemas that reference it or name a listed const",
      given: {
        ErrorSlug: { ...slugs },
        Error: { type: "object", properties: { error: ref } },
        RateLimitedError: { type: "object", properties: { error: { type: "string", const: "rate_limited" } } },
      },
      want: ["not_found", "rate_limited"],
    },
    {
      name: "an `error` property outside ...Error schemas, left alone",
      given: { ErrorSlug: { ...slugs }, Scan: { type: "object", properties: { error: { type: "string" } } } },
      want: ["not_found", "rate_limited"],
    },
  ] as Array<{ name: string; given: ComponentsObject["schemas"]; want: string[] | undefined }>)(
    "$name",
    ({ given, want }) => {
      expect(errorSlugs(contract(given))).toEqual(want);
    },
  );

  it.each([
    { name: "a non-enum ErrorSlug", given: { ErrorSlug: { type: "string" } }, want: "ErrorSlug must be a string enum" },
    {
      name: "an enum of integers",
      given: { ErrorSlug: { type: "integer", enum: [1] } },
      want: "ErrorSlug must be a string enum",
    },
    {
      name: "a slug listed twice",
      given: { ErrorSlug: { type: "string", enum: ["a", "b", "a"] } },
      want: "ErrorSlug lists a more than once",
    },
    {
      name: "an undescribed slug",
      given: { ErrorSlug: { ...slugs, "x-enumDescriptions": { not_found: "404." } } },
      want: "x-enumDescriptions has no description for rate_limited",
    },
    {
      name: "a described slug the enum lacks",
      given: { ErrorSlug: { ...slugs, "x-enumDescriptions": { not_found: "", rate_limited: "", gone: "" } } },
      want: "x-enumDescriptions describes gone",
    },
    {
      name: "an error const the enum lacks",
      given: {
        ErrorSlug: { ...slugs },
        GoneError: { type: "object", properties: { error: { type: "string", const: "gone" } } },
      },
      want: "GoneError.error names gone, which ErrorSlug does not list",
    },
    {
      name: "an error enum the enum lacks",
      given: {
        ErrorSlug: { ...slugs },
        GoneError: { type: "object", properties: { error: { type: "string", enum: ["not_found", "gone"] } } },
      },
      want: "GoneError.error names gone",
    },
    {
      name: "a free-form error string",
      given: { ErrorSlug: { ...slugs }, Error: { type: "object", properties: { error: { type: "string" } } } },
      want: "Error.error must be a $ref to ErrorSlug or a const it lists",
    },
    {
      name: "an error $ref elsewhere",
      given: {
        ErrorSlug: { ...slugs },
        Error: { type: "object", properties: { error: { $ref: "#/components/schemas/Other" } } },
      },
      want: "Error.error must reference ErrorSlug",
    },
  ] as Array<{ name: string; given: ComponentsObject["schemas"]; want: string }>)(
    "refuses $name",
    ({ given, want }) => {
      expect(() => errorSlugs(contract(given))).toThrow(want);
    },
  );
});

describe("sdkErrorSlugType", () => {
  it("aliases the openapi-typescript schema, documented slug by slug", () => {
    const given = contract({
      ErrorSlug: {
        ...slugs,
        "x-enumDescriptions": { not_found: "404: no such route.", rate_limited: "Wait; see */ Retry-After." },
      },
    });
    expect(sdkErrorSlugType(given)).toBe(
      [
        ``,
        `/**`,
        ` * Every \`error\` slug the API answers (openapi.yaml components.schemas.ErrorSlug):`,
        ` * - \`not_found\` (404): no such route.`,
        ` * - \`rate_limited\`: Wait; see *\\/ Retry-After.`,
        ` */`,
        `export type ErrorSlug = components["schemas"]["ErrorSlug"];`,
        ``,
      ].join("\n"),
    );
  });

  it("adds nothing to a contract without ErrorSlug", () => {
    expect(sdkErrorSlugType(contract({}))).toBe("");
  });
});
