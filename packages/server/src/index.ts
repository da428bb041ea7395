export { createApp, openApiDocument } from "./app.ts";
export type { App, AppDeps } from "./app-deps.ts";
export { loadConfig, type ServerConfig } from "./config.ts";
export { startEmbeddedPostgres } from "./db/embedded-postgres.ts";
export { operations } from "./generated/contract.ts";
export { type Platform, startPlatform } from "./runtime/start-platform.ts";
