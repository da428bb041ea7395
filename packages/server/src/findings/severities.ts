// Severities most severe first, as openapi.yaml lists them: the order of every table, chart and
// sorted list of findings the server writes.
import { SeveritySchema } from "../generated/contract.ts";

export const SEVERITIES = SeveritySchema.options;
export type Severity = (typeof SEVERITIES)[number];

/** Compares by severity, most severe first; for Array.prototype.sort. */
export const bySeverity = (a: { severity: string }, b: { severity: string }) =>
  SEVERITIES.indexOf(a.severity as Severity) - SEVERITIES.indexOf(b.severity as Severity);
