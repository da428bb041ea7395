import type { z } from "@hono/zod-openapi";
import { sendPrompt, type HttpTemplate, type WireFormat } from "@penaxtra/engine";
import { endpointTargetConfig } from "../targets/endpoint-target.ts";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { AppDeps } from "../app-deps.ts";
import type { App } from "../app-deps.ts";
import { recordRequestEvent } from "../audit/record-audit.ts";
import { endpoints } from "../db/schema.ts";
import {
  EndpointLimitsSchema,
  createEndpointRoute,
  deleteEndpointRoute,
  getEndpointRoute,
  listEndpointsRoute,
  testEndpointRoute,
  updateEndpointRoute,
} from "../generated/contract.ts";
import { badRequest, notFound } from "../errors/api-error.ts";
import { identityOf } from "../http/guard-operation.ts";
import { afterCursor, decodeCursor, page } from "../pagination/cursor.ts";
import { checkTargetUrl } from "../security/check-target-url.ts";
import { sealOptional } from "../security/secret-box.ts";

type EndpointRow = typeof endpoints.$inferSelect;
type Limits = z.output<typeof EndpointLimitsSchema>;
// The defaults openapi.yaml declares for EndpointLimits.
const DEFAULT_LIMITS: Limits = EndpointLimitsSchema.parse({});
const TEST_PROMPT = "This is a connectivity check. Reply with the single word: pong";

export function toEndpoint(row: EndpointRow) {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    wire_format: row.wireFormat as WireFormat,
    model: row.model,
    auth_header: row.authHeader,
    has_auth_secret: row.authSecretEncrypted !== null,
    // Stored after validation, which filled in the defaults.
    http_template: row.httpTemplate as Required<Pick<HttpTemplate, "method">> & HttpTemplate | null,
    limits: row.limits as Limits,
    tags: row.tags,
    status: row.status as "active",
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

function assertTemplateFits(wireFormat: string, template: HttpTemplate | null | undefined) {
  if (wireFormat === "http_template_v1") {
    if (!template) throw badRequest("invalid_http_template", { message: "http_template_v1 needs http_template" });
    if (!template.body_template.includes("{{prompt}}")) throw badRequest("invalid_http_template", { message: "body_template must contain {{prompt}}" });
  }
}

export function registerEndpointRoutes(app: App, deps: AppDeps) {
  const { db } = deps;

  async function loadEndpoint(tenantId: string, id: string): Promise<EndpointRow> {
    const [row] = await db.select().from(endpoints).where(and(eq(endpoints.id, id), eq(endpoints.tenantId, tenantId), isNull(endpoints.deletedAt)));
    if (!row) throw notFound("endpoint_not_found");
    return row;
  }

  app.openapi(createEndpointRoute, async (c) => {
    const identity = identityOf(c);
    const body = c.req.valid("json");
    assertTemplateFits(body.wire_format, body.http_template);
    await checkTargetUrl(body.url, deps.targetPolicy);
    const [row] = await db
      .insert(endpoints)
      .values({
        tenantId: identity.tenantId,
        name: body.name,
        url: body.url,
        wireFormat: body.wire_format,
        model: body.model ?? null,
        authHeader: body.auth_header ?? null,
        authSecretEncrypted: sealOptional(deps.secretBox, body.auth_secret, identity.tenantId) ?? null,
        httpTemplate: body.http_template ?? null,
        limits: { ...DEFAULT_LIMITS, ...body.limits },
        tags: body.tags ?? [],
        status: body.status ?? "active",
      })
      .returning();
    await recordRequestEvent(db, c, { action: "endpoint.created", targetKind: "endpoint", targetId: row!.id, details: { name: row!.name, url: row!.url } });
    return c.json(toEndpoint(row!), 201);
  });

  app.openapi(listEndpointsRoute, async (c) => {
    const identity = identityOf(c);
    const query = c.req.valid("query");
    const rows = await db
      .select()
      .from(endpoints)
      .where(
        and(
          eq(endpoints.tenantId, identity.tenantId),
          isNull(endpoints.deletedAt),
          query.status ? eq(endpoints.status, query.status) : undefined,
          afterCursor(decodeCursor(query.cursor), endpoints.createdAt, endpoints.id),
        ),
      )
      .orderBy(desc(endpoints.createdAt), desc(endpoints.id))
      .limit(query.limit + 1);
    const result = page(rows, query.limit, (row) => ({ at: row.createdAt, id: row.id }));
    return c.json({ data: result.data.map(toEndpoint), next_cursor: result.next_cursor }, 200);
  });

  app.openapi(getEndpointRoute, async (c) => {
    const identity = identityOf(c);
    return c.json(toEndpoint(await loadEndpoint(identity.tenantId, c.req.valid("param").id)), 200);
  });

  app.openapi(updateEndpointRoute, async (c) => {
    const identity = identityOf(c);
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const current = await loadEndpoint(identity.tenantId, id);
    const wireFormat = body.wire_format ?? current.wireFormat;
    const template = body.http_template !== undefined ? body.http_template : (current.httpTemplate as HttpTemplate | null);
    assertTemplateFits(wireFormat, template);
    if (body.url !== undefined) await checkTargetUrl(body.url, deps.targetPolicy);
    const [row] = await db
      .update(endpoints)
      .set({
        name: body.name,
        url: body.url,
        wireFormat: body.wire_format,
        model: body.model,
        authHeader: body.auth_header,
        authSecretEncrypted: sealOptional(deps.secretBox, body.auth_secret, identity.tenantId),
        httpTemplate: body.http_template,
        limits: body.limits ? { ...(current.limits as Limits), ...body.limits } : undefined,
        tags: body.tags,
        status: body.status,
        updatedAt: new Date(),
      })
      .where(and(eq(endpoints.id, id), eq(endpoints.tenantId, identity.tenantId)))
      .returning();
    // Which fields changed, never their values: secrets must not reach the audit log.
    await recordRequestEvent(db, c, { action: "endpoint.updated", targetKind: "endpoint", targetId: id, details: { fields: Object.keys(body) } });
    return c.json(toEndpoint(row!), 200);
  });

  app.openapi(deleteEndpointRoute, async (c) => {
    const identity = identityOf(c);
    const { id } = c.req.valid("param");
    await loadEndpoint(identity.tenantId, id);
    await db.update(endpoints).set({ deletedAt: new Date(), status: "disabled" }).where(and(eq(endpoints.id, id), eq(endpoints.tenantId, identity.tenantId)));
    await recordRequestEvent(db, c, { action: "endpoint.deleted", targetKind: "endpoint", targetId: id });
    return c.body(null, 204);
  });

  app.openapi(testEndpointRoute, async (c) => {
    const identity = identityOf(c);
    const row = await loadEndpoint(identity.tenantId, c.req.valid("param").id);
    const outcome = await sendPrompt(endpointTargetConfig(row, deps.secretBox, { maxTimeoutMs: 30_000 }), TEST_PROMPT, deps.targetPolicy);
    const result = outcome.ok
      ? { ok: true, latency_ms: outcome.latencyMs, http_status: outcome.httpStatus, response_excerpt: outcome.text.slice(0, 500), error: null }
      : { ok: false, latency_ms: outcome.latencyMs, http_status: outcome.httpStatus, response_excerpt: null, error: outcome.error };
    await recordRequestEvent(db, c, {
      action: "endpoint.tested",
      result: outcome.ok ? "success" : "failure",
      targetKind: "endpoint",
      targetId: row.id,
      details: outcome.ok ? { latency_ms: outcome.latencyMs } : { error: outcome.error, message: outcome.message },
    });
    return c.json(result, 200);
  });
}
