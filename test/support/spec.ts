import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

export const spec = parse(readFileSync(fileURLToPath(new URL("../../openapi.yaml", import.meta.url)), "utf8"));

export interface SpecOperation {
  operationId: string;
  method: string;
  path: string;
  statuses: string[];
  scope: string | null;
  public: boolean;
}

export const specOperations: SpecOperation[] = Object.entries(
  spec.paths as Record<string, Record<string, any>>,
).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => {
    const security = operation.security ?? spec.security;
    return {
      operationId: operation.operationId,
      method,
      path,
      statuses: Object.keys(operation.responses),
      scope: security.length ? (security[0].bearerAuth[0] ?? null) : null,
      public: security.length === 0,
    };
  }),
);
