import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { requestId } from "hono/request-id";
import type { App, AppDeps } from "./app-deps.ts";
import { registerConsole } from "./console/register-console.ts";
import { DATABASE_RETRY_AFTER_SECONDS } from "./db/unavailable.ts";
import { registerApiReference } from "./docs/api-reference.ts";
import { payloadTooLarge } from "./errors/api-error.ts";
import * as contract from "./generated/contract.ts";
import { documentInfo, getOpenApiDocumentRoute, operations, securitySchemes } from "./generated/contract.ts";
import { checkReadiness } from "./health/readiness.ts";
import { accessLog } from "./http/access-log.ts";
import { auditApiCalls } from "./http/audit-api-calls.ts";
import { errorHandler, notFoundHandler } from "./http/error-handler.ts";
import { guardOperation } from "./http/guard-operation.ts";
import { idempotencyKeys } from "./http/idempotency.ts";
import { validationHook } from "./http/validation.ts";
import { registerAiAssetRoutes } from "./routes/ai-assets.ts";
import { registerAuditRoutes } from "./routes/audit.ts";
import { registerCatalogueRoutes } from "./routes/catalogue.ts";
import { registerEndpointRoutes } from "./routes/endpoints.ts";
import { registerFindingRoutes } from "./routes/findings.ts";
import { registerRagRunRoutes } from "./routes/rag-runs.ts";
import { registerReportRoutes } from "./routes/reports.ts";
import { registerScanRoutes } from "./routes/scans.ts";
import { registerWebhookRoutes } from "./routes/webhooks.ts";

const honoPath = (path: string) => path.replace(/\{(\w+)\}/g, ":$1");

export function createApp(deps: AppDeps): App {
  const app = new OpenAPIHono({ defaultHook: validationHook() });
  app.onError(errorHandler(deps.log));
  app.notFound(notFoundHandler);

  app.use("*", requestId());
  app.use("*", accessLog(deps.log));
  app.use("/api/v2/*", auditApiCalls(deps.pg));
  app.use(
    "/api/v2/*",
    bodyLimit({
      maxSize: deps.config.bodyLimitBytes,
      onError: () => {
        throw payloadTooLarge(deps.config.bodyLimitBytes);
      },
    }),
  );
  for (const operation of operations) {
    if (operation.public) continue;
    app.on(operation.method.toUpperCase(), honoPath(operation.path), guardOperation(operation, deps));
    if (operation.method === "post") app.on("POST", honoPath(operation.path), idempotencyKeys(operation, deps));
  }

  registerScanRoutes(app, deps);
  registerFindingRoutes(app, deps);
  registerEndpointRoutes(app, deps);
  registerAiAssetRoutes(app, deps);
  registerRagRunRoutes(app, deps);
  registerCatalogueRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerWebhookRoutes(app, deps);
  registerReportRoutes(app, deps);

  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", securitySchemes.bearerAuth as never);
  // The RAG adapter protocol's schemas (Penaxtra sends these to a pipeline, no route of ours takes
  // them) and the stream events' (no OpenAPI 3.1 keyword references them).
  for (const name of [...RAG_PROTOCOL_SCHEMAS, ...STREAM_EVENT_SCHEMAS]) {
    // biome-ignore lint/performance/noDynamicNamespaceImportAccess: server code, nothing is bundled; the names come from a fixed list.
    app.openAPIRegistry.register(name, contract[`${name}Schema`]);
  }
  app.openapi(getOpenApiDocumentRoute, (c) => c.json(openApiDocument(app) as unknown as Record<string, unknown>, 200));
  registerApiReference(app);
  registerConsole(app);
  // Liveness: the process answers. Readiness: database, migrations and a live worker (health/).
  app.get("/healthz", (c) => c.json({ ok: true }));
  app.get("/readyz", async (c) => {
    const checks = await checkReadiness(deps.pg, deps.config.workerStaleAfterMs);
    if (checks.database && checks.migrations && checks.worker) return c.json({ ready: true, checks }, 200);
    if (!checks.database) {
      c.header("Retry-After", String(DATABASE_RETRY_AFTER_SECONDS));
      return c.json({ error: "database_unavailable", retry_after_seconds: DATABASE_RETRY_AFTER_SECONDS, checks }, 503);
    }
    return c.json({ ready: false, checks }, 503);
  });
  return app;
}

// The events of the text/event-stream responses: OpenAPI 3.1 cannot reference them from a route.
const STREAM_EVENT_SCHEMAS = ["ScanEvent", "ScanFindingEvent", "RagRunEvent"] as const;
const RAG_PROTOCOL_SCHEMAS = [
  "RagIngestRequest",
  "RagIngestResponse",
  "RagQueryRequest",
  "RagQueryResponse",
  "RagDeleteRequest",
] as const;

export function openApiDocument(app: App) {
  return app.getOpenAPI31Document({ ...documentInfo, openapi: "3.1.0" } as unknown as Parameters<
    App["getOpenAPI31Document"]
  >[0]);
}
