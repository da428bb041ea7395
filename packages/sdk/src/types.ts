// The API's main objects under their own names, so callers need not spell components["schemas"].
import type { components } from "./generated/openapi.ts";

type Schemas = components["schemas"];

/** A scan: its status, progress, counts and the probes it sends. */
export type Scan = Schemas["Scan"];
/** What `scans.create` sends: the endpoint, and optionally probe ids and tags. */
export type ScanCreate = Schemas["ScanCreate"];
/** What `scans.create` answers: the new scan's id and where to follow it. */
export type ScanAccepted = Schemas["ScanAccepted"];
/** A scan's status: queued, running, completed, failed or cancelled. */
export type ScanStatus = Schemas["ScanStatus"];
/** A finding as listed. */
export type Finding = Schemas["Finding"];
/** A finding with its evidence, judge votes and remediation (`findings.get`). */
export type FindingDetail = Schemas["FindingDetail"];
/** A finding's triage status. */
export type FindingStatus = Schemas["FindingStatus"];
/** A severity: critical, high, medium, low or info. */
export type Severity = Schemas["Severity"];
/** The judge panel's verdict on an answer. */
export type Verdict = Schemas["Verdict"];
/** One judge's vote, with its confidence and reason. */
export type JudgeVote = Schemas["JudgeVote"];
/** A registered LLM endpoint (without its stored credentials). */
export type Endpoint = Schemas["Endpoint"];
/** What `endpoints.create` sends. */
export type EndpointCreate = Schemas["EndpointCreate"];
/** An ai-asset: a RAG pipeline the RAG suite can test. */
export type AiAsset = Schemas["AiAsset"];
/** A RAG run as listed. */
export type RagRun = Schemas["RagRun"];
/** A RAG run with the result of each test (`ragRuns.get`). */
export type RagRunDetail = Schemas["RagRunDetail"];
/** One test of a RAG run, with its verdict and evidence. */
export type RagTestResult = Schemas["RagTestResult"];
/** A probe of the library. */
export type Probe = Schemas["Probe"];
/** A compliance framework and its references. */
export type Framework = Schemas["Framework"];
/** A report's summary. */
export type Report = Schemas["Report"];
/** A report's JSON document. */
export type ReportDocument = Schemas["ReportDocument"];
/** A webhook target (its secret is shown only by `webhooks.create`). */
export type Webhook = Schemas["Webhook"];
/** An audit log event. */
export type AuditEvent = Schemas["AuditEvent"];
/** The body of every error answer: the `error` slug, and `issues` for invalid requests. */
export type ErrorBody = Schemas["Error"];
