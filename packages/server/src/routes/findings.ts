import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { AppDeps } from "../app-deps.ts";
import type { App } from "../app-deps.ts";
import { recordRequestEvent } from "../audit/record-audit.ts";
import { findingRefs, findings, judgeVotes, scanAttempts } from "../db/schema.ts";
import { getFindingRoute, listFindingsRoute, updateFindingStatusRoute } from "../generated/contract.ts";
import { notFound } from "../errors/api-error.ts";
import { identityOf } from "../http/guard-operation.ts";
import { afterCursor, decodeCursor, page } from "../pagination/cursor.ts";
import { toFinding, type FindingRow } from "../findings/present.ts";


// A finding shows at most this much of the answer; `details.response_truncated` says when it was cut.
const MAX_EVIDENCE_CHARS = 20_000;

export function registerFindingRoutes(app: App, deps: AppDeps) {
  const { db } = deps;

  async function findingDetail(tenantId: string, id: string) {
    const [found] = await db
      .select({ row: findings, attemptPrompt: scanAttempts.prompt, attemptResponse: sql<string | null>`left(${scanAttempts.response}, ${MAX_EVIDENCE_CHARS})`, attemptResponseChars: sql<number | null>`length(${scanAttempts.response})` })
      .from(findings)
      .leftJoin(scanAttempts, and(eq(scanAttempts.id, findings.scanAttemptId), eq(scanAttempts.tenantId, findings.tenantId)))
      .where(and(eq(findings.id, id), eq(findings.tenantId, tenantId)));
    if (!found) throw notFound("finding_not_found");
    const { row } = found;
    const votes = await db.select().from(judgeVotes).where(eq(judgeVotes.findingId, id)).orderBy(asc(judgeVotes.id));
    const stored = row.evidence as { prompt?: string; response?: string; details?: Record<string, unknown> };
    // A scan finding's prompt and answer live on its evidence attempt; findings of other kinds
    // (and those written before that) carry their own.
    const evidence = row.scanAttemptId
      ? {
          prompt: found.attemptPrompt ?? "",
          response: found.attemptResponse ?? "",
          details: { ...stored.details, response_truncated: (found.attemptResponseChars ?? 0) > MAX_EVIDENCE_CHARS },
        }
      : { prompt: stored.prompt ?? "", response: stored.response ?? "", ...(stored.details ? { details: stored.details } : {}) };
    return {
      ...toFinding(row),
      evidence,
      judge_votes: votes.map((vote) => ({
        judge: vote.judge,
        kind: vote.kind as "judge",
        verdict: vote.verdict as "vulnerable",
        confidence: vote.confidence,
        rationale: vote.rationale,
      })),
    };
  }

  app.openapi(listFindingsRoute, async (c) => {
    const identity = identityOf(c);
    const query = c.req.valid("query");
    const cursor = decodeCursor(query.cursor);
    const filters: Array<SQL | undefined> = [
      eq(findings.tenantId, identity.tenantId),
      query.severity ? inArray(findings.severity, query.severity.split(",")) : undefined,
      query.status ? eq(findings.status, query.status) : undefined,
      query.scan_id ? eq(findings.scanId, query.scan_id) : undefined,
      query.lifecycle ? eq(findings.lifecycle, query.lifecycle) : undefined,
      query.endpoint_id ? eq(findings.endpointId, query.endpoint_id) : undefined,
      query.from ? gte(findings.createdAt, new Date(query.from)) : undefined,
      query.to ? lt(findings.createdAt, new Date(query.to)) : undefined,
    ];
    let rows: FindingRow[];
    if (query.framework_ref) {
      // Walk the (tenant, ref, created_at) index in page order rather than sorting every match.
      const joined = await db
        .select({ finding: findings })
        .from(findingRefs)
        .innerJoin(findings, eq(findings.id, findingRefs.findingId))
        .where(
          and(
            eq(findingRefs.tenantId, identity.tenantId),
            eq(findingRefs.ref, query.framework_ref),
            afterCursor(cursor, findingRefs.createdAt, findingRefs.findingId),
            ...filters,
          ),
        )
        .orderBy(desc(findingRefs.createdAt), desc(findingRefs.findingId))
        .limit(query.limit + 1);
      rows = joined.map((row) => row.finding);
    } else {
      rows = await db
        .select()
        .from(findings)
        .where(and(...filters, afterCursor(cursor, findings.createdAt, findings.id)))
        .orderBy(desc(findings.createdAt), desc(findings.id))
        .limit(query.limit + 1);
    }
    const result = page(rows, query.limit, (row) => ({ at: row.createdAt, id: row.id }));
    return c.json({ data: result.data.map(toFinding), next_cursor: result.next_cursor }, 200);
  });

  app.openapi(getFindingRoute, async (c) => {
    const identity = identityOf(c);
    return c.json(await findingDetail(identity.tenantId, c.req.valid("param").id), 200);
  });

  app.openapi(updateFindingStatusRoute, async (c) => {
    const identity = identityOf(c);
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const changed = await db.transaction(async (tx) => {
      const [before] = await tx
        .select({ status: findings.status })
        .from(findings)
        .where(and(eq(findings.id, id), eq(findings.tenantId, identity.tenantId)))
        .for("update");
      if (!before) throw notFound("finding_not_found");
      await tx.update(findings).set({ status: body.status, updatedAt: new Date() }).where(eq(findings.id, id));
      return before.status;
    });
    await recordRequestEvent(db, c, {
      action: "finding.status_changed",
      targetKind: "finding",
      targetId: id,
      details: { before: changed, after: body.status, ...(body.note ? { note: body.note } : {}) },
    });
    return c.json(await findingDetail(identity.tenantId, id), 200);
  });
}
