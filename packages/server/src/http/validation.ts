// Turns zod failures into documented error slugs. Routes may name a slug per field, e.g.
// POST /scans maps endpoint_id to invalid_endpoint_id.
import type { z } from "@hono/zod-openapi";
import { unstorableTextPath } from "../db/storable-text.ts";
import { ApiError } from "../errors/api-error.ts";
import type { ErrorSlug } from "../generated/contract.ts";

type Issue = z.core.$ZodIssue;
export type FieldSlugs = Record<string, ErrorSlug | ((issue: Issue) => ErrorSlug)>;

const DEFAULT_SLUGS: Record<string, ErrorSlug> = {
  json: "invalid_request",
  query: "invalid_query",
  param: "invalid_id",
  header: "invalid_header",
};

export function validationError(error: z.ZodError, target: string, fieldSlugs: FieldSlugs = {}): ApiError {
  const issues = error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
  const first = error.issues[0];
  const field = first ? String(first.path[0] ?? "") : "";
  const mapped = fieldSlugs[field];
  const slug =
    mapped === undefined || !first
      ? (DEFAULT_SLUGS[target] ?? "invalid_request")
      : typeof mapped === "string"
        ? mapped
        : mapped(first);
  return new ApiError(400, slug, { issues });
}

export function validationHook(fieldSlugs: FieldSlugs = {}) {
  // Typed loosely: the same hook serves every route's generic Hook<...> signature.
  // biome-ignore lint/suspicious/noExplicitAny: see above, one hook for every route's Hook<...>.
  return (result: any): undefined => {
    if (!result.success) throw validationError(result.error as z.ZodError, result.target as string, fieldSlugs);
    const target = result.target as string;
    const refuse = (path: string, message: string) =>
      new ApiError(400, DEFAULT_SLUGS[target] ?? "invalid_request", { issues: [{ path, message }] });
    const unstorable = unstorableTextPath(result.data);
    if (unstorable !== null)
      throw refuse(unstorable, "text may not contain NUL characters or unpaired UTF-16 surrogates");
    const badDate = outOfRangeDatePath(result.data);
    if (badDate !== null) throw refuse(badDate, "dates must fall in the years 0001 to 9999");
    return undefined;
  };
}

// A date-time the schema accepts (year 0000, or +275760) that Postgres cannot hold.
const DATE_TIME = /^([+-]?\d{4,6})-\d{2}-\d{2}T/;

function outOfRangeDatePath(value: unknown, path: readonly (string | number)[] = []): string | null {
  const where = () => path.join(".") || "(value)";
  if (value instanceof Date) {
    const year = value.getUTCFullYear();
    return Number.isNaN(value.getTime()) || year < 1 || year > 9999 ? where() : null;
  }
  if (typeof value === "string") {
    const year = DATE_TIME.exec(value)?.[1];
    return year !== undefined && (Number(year) < 1 || Number(year) > 9999) ? where() : null;
  }
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const found = outOfRangeDatePath(item, [...path, key]);
      if (found !== null) return found;
    }
  }
  return null;
}
