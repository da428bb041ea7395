// Turns zod failures into documented error slugs. Routes may name a slug per field, e.g.
// POST /scans maps endpoint_id to invalid_endpoint_id.
import type { z } from "@hono/zod-openapi";
import { unstorableInput } from "../db/storable-text.ts";
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
    const unstorable = unstorableInput(result.data);
    if (unstorable !== null)
      throw new ApiError(400, DEFAULT_SLUGS[result.target as string] ?? "invalid_request", { issues: [unstorable] });
    return undefined;
  };
}
