export * from "./attacks/adaptive-search.ts";
export * from "./attacks/attacker-model.ts";
export * from "./attacks/send-attempt.ts";
export { type CustomProbeInput, customProbe, type ProbeIssue } from "./catalogue/custom-probe.ts";
export * from "./catalogue/frameworks.ts";
export * from "./catalogue/probes.ts";
export { type RagCategory, REMEDIATION_CATEGORIES, type Remediation, remediationFor } from "./catalogue/remediation.ts";
export { makeCanary, renderPayload } from "./catalogue/render-payload.ts";
export { type BinaryMetrics, binaryMetrics } from "./judges/binary-metrics.ts";
export {
  type DetectorContext,
  type DetectorFunctionName,
  type DetectorName,
  detectors,
  JUDGE_DIRECTIVES,
  runDetectors,
} from "./judges/detectors.ts";
export {
  buildJudgePanel,
  JUDGE_CONFIG_ENV,
  JUDGE_SLOTS,
  type JudgeOverrides,
  type JudgeSlot,
  type LlmJudgeSpec,
  parseJudgeConfig,
} from "./judges/judge-config.ts";
export {
  EVALUATION_PROBE,
  type JudgedRow,
  judgeRows,
  metricsBySource,
  type PanelMetrics,
  panelMetrics,
} from "./judges/learned/evaluate-panel.ts";
export {
  type AnswerScores,
  decodeJudgeModel,
  encodeJudgeModel,
  type JudgeModel,
  type JudgeModelFile,
  type MetaCalibration,
  personaSegments,
  scoreAnswer,
} from "./judges/learned/judge-model.ts";
export { type LabelledAnswer, readLabelledFile, readLabelledTree } from "./judges/learned/labelled-data.ts";
export { leaveOneSourceOut } from "./judges/learned/leave-one-source-out.ts";
export { SHIPPED_MODEL_URL, shippedJudgeModel } from "./judges/learned/shipped-model.ts";
export { foldOf, type TrainJudgeOptions, trainJudgeModel } from "./judges/learned/train-judge-model.ts";
export { createLlmJudge, type LlmJudgeOptions, type LlmProvider } from "./judges/llm-judge.ts";
export {
  createOfflineJudges,
  detectorJudge,
  goalJudge,
  type Judge,
  type JudgeInput,
  type JudgeVote,
  judgeResponse,
  type MetaVerdict,
  metaJudge,
  offlineJudges,
  refusalJudge,
  type Verdict,
} from "./judges/panel.ts";
export { classifyRefusal, type RefusalVerdict } from "./judges/refusal-classifier.ts";
export { evaluateRefusalJudge, learnedRefusal, refusalMetrics } from "./judges/xstest-eval.ts";
export { attributeGuardrail } from "./rag/attribute-guardrail.ts";
export { newRagRunTag } from "./rag/planted-names.ts";
export type {
  RagDeleteRequest,
  RagDeleteResponse,
  RagDocument,
  RagGuardSignal,
  RagGuardStage,
  RagIngestRequest,
  RagIngestResponse,
  RagQueryRequest,
  RagQueryResponse,
} from "./rag/protocol.ts";
export { RagClient, type RagPipelineConfig, RagPipelineError } from "./rag/rag-client.ts";
export type {
  Guardrail,
  PlantedDocument,
  RagExchange,
  RagSuite,
  RagTest,
  RagTestResult,
  RagTestStatus,
} from "./rag/rag-test.ts";
export {
  type RagRunOptions,
  type RagRunReport,
  ragTests,
  removeDocuments,
  runRagSuites,
} from "./rag/run-rag-suites.ts";
export {
  applyStrategy,
  type EncodingStrategy,
  isEncoding,
  OFFLINE_STRATEGIES,
  type ParsedStrategy,
  parseStrategy,
  type Strategy,
} from "./strategies/strategies.ts";
export * from "./targets/adapters.ts";
export * from "./targets/address-guard.ts";
export { assertUrlAllowed, requestTarget } from "./targets/http-client.ts";
export { LocalLimiter, Semaphore, type SendLimiter, StartRate } from "./targets/send-limiter.ts";
export { type RunnerLimits, type RunnerOptions, type RunnerOutcome, TargetRunner } from "./targets/target-runner.ts";
