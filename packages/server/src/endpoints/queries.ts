// The endpoints of a tenant: list, read, create, change, soft-delete.
import type { z } from "@hono/zod-openapi";
import type { GuardPolicy, HttpTemplate } from "@penaxtra/engine";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Database } from "../db/connection.ts";
import { endpoints } from "../db/schema.ts";
import { notFound } from "../errors/api-error.ts";
import type { EndpointCreateSchema, EndpointUpdateSchema, listEndpointsRoute } from "../generated/contract.ts";
import { afterCursor, decodeCursor, page } from "../pagination/cursor.ts";
import { checkTargetUrl } from "../security/check-target-url.ts";
import { type SecretBox, sealOptional } from "../security/secret-box.ts";
import type { EndpointLimits, EndpointRow } from "./present.ts";
import { assertTemplateFits, assertToolsFit, DEFAULT_LIMITS } from "./rules.ts";

export type EndpointListQuery = z.output<typeof listEndpointsRoute.request.query>;
export type EndpointCreate = z.output<typeof EndpointCreateSchema>;
export type EndpointUpdate = z.output<typeof EndpointUpdateSchema>;
/** Writing an endpoint checks its URL against the target policy and seals its auth secret. */
export interface EndpointWriteDeps {
  db: Database;
  secretBox: SecretBox;
  targetPolicy: GuardPolicy;
}

/** A page of the tenant's endpoints that are not deleted, newest first. */
export async function listEndpoints(db: Database, tenantId: string, query: EndpointListQuery) {
  const rows = await db
    .select()
    .from(endpoints)
    .where(
      and(
        eq(endpoints.tenantId, tenantId),
        isNull(endpoints.deletedAt),
        query.status ? eq(endpoints.status, query.status) : undefined,
        afterCursor(decodeCursor(query.cursor), endpoints.createdAt, endpoints.id),
      ),
    )
    .orderBy(desc(endpoints.createdAt), desc(endpoints.id))
    .limit(query.limit + 1);
  return page(rows, query.limit, (row) => ({ at: row.createdAt, id: row.id }));
}

/** The endpoint, unless it is another tenant's or deleted: then 404 endpoint_not_found. */
export async function findEndpoint(db: Database, tenantId: string, id: string): Promise<EndpointRow> {
  const [row] = await db
    .select()
    .from(endpoints)
    .where(and(eq(endpoints.id, id), eq(endpoints.tenantId, tenantId), isNull(endpoints.deletedAt)));
  if (!row) throw notFound("endpoint_not_found");
  return row;
}

export async function createEndpoint(
  deps: EndpointWriteDeps,
  tenantId: string,
  body: EndpointCreate,
): Promise<EndpointRow> {
  assertTemplateFits(body.wire_format, body.http_template);
  assertToolsFit(body.wire_format, body.tools);
  await checkTargetUrl(body.url, deps.targetPolicy);
  const [row] = await deps.db
    .insert(endpoints)
    .values({
      tenantId,
      name: body.name,
      url: body.url,
      wireFormat: body.wire_format,
      model: body.model ?? null,
      authHeader: body.auth_header ?? null,
      authSecretEncrypted: sealOptional(deps.secretBox, body.auth_secret, tenantId) ?? null,
      httpTemplate: body.http_template ?? null,
      tools: body.tools ?? [],
      purpose: body.purpose ?? null,
      limits: { ...DEFAULT_LIMITS, ...body.limits },
      tags: body.tags ?? [],
      status: body.status ?? "active",
    })
    .returning();
  return row!;
}

/** Sets the fields the body names (limits merge into the current ones); 404 as findEndpoint. */
export async function updateEndpoint(
  deps: EndpointWriteDeps,
  tenantId: string,
  id: string,
  body: EndpointUpdate,
): Promise<EndpointRow> {
  const current = await findEndpoint(deps.db, tenantId, id);
  const wireFormat = body.wire_format ?? current.wireFormat;
  const template =
    body.http_template !== undefined ? body.http_template : (current.httpTemplate as HttpTemplate | null);
  assertTemplateFits(wireFormat, template);
  assertToolsFit(wireFormat, body.tools !== undefined ? body.tools : current.tools);
  if (body.url !== undefined) await checkTargetUrl(body.url, deps.targetPolicy);
  const [row] = await deps.db
    .update(endpoints)
    .set({
      name: body.name,
      url: body.url,
      wireFormat: body.wire_format,
      model: body.model,
      authHeader: body.auth_header,
      authSecretEncrypted: sealOptional(deps.secretBox, body.auth_secret, tenantId),
      httpTemplate: body.http_template,
      tools: body.tools,
      purpose: body.purpose,
      limits: body.limits ? { ...(current.limits as EndpointLimits), ...body.limits } : undefined,
      tags: body.tags,
      status: body.status,
      updatedAt: new Date(),
    })
    .where(and(eq(endpoints.id, id), eq(endpoints.tenantId, tenantId)))
    .returning();
  return row!;
}

/** Soft delete (disabled, deleted_at set): scans and findings keep their endpoint. 404 as findEndpoint. */
export async function deleteEndpoint(db: Database, tenantId: string, id: string): Promise<void> {
  await findEndpoint(db, tenantId, id);
  await db
    .update(endpoints)
    .set({ deletedAt: new Date(), status: "disabled" })
    .where(and(eq(endpoints.id, id), eq(endpoints.tenantId, tenantId)));
}
