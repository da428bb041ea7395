// The values of schema.ts's enum-like text columns, typed from openapi.yaml's schemas (types only:
// the columns stay text, and the API's validation decides what gets written).
import type { z } from "@hono/zod-openapi";
import type {
  AiAssetSchema,
  AuditResultSchema,
  EndpointStatusSchema,
  FindingLifecycleSchema,
  FindingStatusSchema,
  JudgeVoteSchema,
  RagRunSchema,
  RagTestResultSchema,
  ScanStatusSchema,
  SeveritySchema,
  VerdictSchema,
  WebhookDeliverySchema,
  WireFormatSchema,
} from "../generated/contract.ts";

type RagRun = z.infer<typeof RagRunSchema>;
type RagTestResult = z.infer<typeof RagTestResultSchema>;

export type AiAssetKind = z.infer<typeof AiAssetSchema>["kind"];
export type AuditResult = z.infer<typeof AuditResultSchema>;
export type EndpointStatus = z.infer<typeof EndpointStatusSchema>;
export type FindingLifecycle = z.infer<typeof FindingLifecycleSchema>;
export type FindingStatus = z.infer<typeof FindingStatusSchema>;
export type JudgeVoteKind = z.infer<typeof JudgeVoteSchema>["kind"];
export type RagRunStatus = RagRun["status"];
export type RagRunTrigger = RagRun["trigger"];
export type RagTestStatus = RagTestResult["status"];
export type RagTestStoppedBy = RagTestResult["stopped_by"];
export type RagTestSuite = RagTestResult["suite"];
export type ScanStatus = z.infer<typeof ScanStatusSchema>;
export type Severity = z.infer<typeof SeveritySchema>;
export type Verdict = z.infer<typeof VerdictSchema>;
export type WebhookDeliveryStatus = z.infer<typeof WebhookDeliverySchema>["status"];
export type WireFormat = z.infer<typeof WireFormatSchema>;
/** An attempt's outcome; attempts are not part of the API. */
export type AttemptStatus = "answered" | "errored";
