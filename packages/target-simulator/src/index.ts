// A deliberately vulnerable / hardened fake LLM endpoint (chat completions and a reference RAG
// pipeline) for tests, examples, benches and `./dev target-sim`. The server never uses it.
export {
  SIMULATOR_SECRETS,
  SIMULATOR_SYSTEM_PROMPT,
  type SimulatorProfile,
  startTargetSimulator,
  type TargetSimulator,
  type TargetSimulatorOptions,
} from "./simulator.ts";
