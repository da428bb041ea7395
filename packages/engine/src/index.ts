export * from "./catalogue/frameworks.ts";
export * from "./catalogue/probes.ts";
export * from "./targets/address-guard.ts";
export * from "./targets/adapters.ts";
export { assertUrlAllowed, requestTarget } from "./targets/http-client.ts";
export { TargetRunner, type RunnerLimits, type RunnerOutcome } from "./targets/target-runner.ts";
export { classifyRefusal, type RefusalVerdict } from "./judges/refusal-classifier.ts";
export { evaluateRefusalJudge, type BinaryMetrics } from "./judges/xstest-eval.ts";
