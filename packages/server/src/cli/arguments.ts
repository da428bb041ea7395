// Arguments more than one command takes, checked once.
import { SEVERITIES, type Severity } from "../findings/severities.ts";

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `--fail-on critical,high` (the default) as a set; a severity the API does not know is a usage error. */
export function parseFailOn(raw: string | undefined, UsageError: new (message: string) => Error): Set<Severity> {
  const failOn = (raw ?? "critical,high").split(",").map((value) => value.trim());
  const unknown = failOn.filter((severity) => !(SEVERITIES as readonly string[]).includes(severity));
  if (unknown.length) throw new UsageError(`--fail-on takes ${SEVERITIES.join(", ")}; not ${unknown.join(", ")}`);
  return new Set(failOn as Severity[]);
}
