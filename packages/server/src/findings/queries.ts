// The findings of a tenant: list them with filters, change one's triage status.
import type { z } from "@hono/zod-openapi";
import { and, asc, desc, eq, gte, inArray, lt, type SQL, sql } from "drizzle-orm";
import type { Database } from "../db/connection.ts";
import { findingRefs, findings, judgeVotes, scanAttempts } from "../db/schema.ts";
import { notFound } from "../errors/api-error.ts";
import { type listFindingsRoute, SeveritySchema } from "../generated/contract.ts";
import { afterCursor, decodeCursor, page } from "../pagination/cursor.ts";
import { type FindingRow, type FindingWithEvidence, MAX_EVIDENCE_CHARS } from "./present.ts";

export type FindingListQuery = z.output<typeof listFindingsRoute.request.query>;

/** A page of the tenant's findings matching the query's filters, newest first. */
export async function listFindings(db: Database, tenantId: string, query: FindingListQuery) {
  const cursor = decodeCursor(query.cursor);
  const filters: Array<SQL | undefined> = [
    eq(findings.tenantId, tenantId),
    query.severity ? inArray(findings.severity, SeveritySchema.array().parse(query.severity.split(","))) : undefined,
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
          eq(findingRefs.tenantId, tenantId),
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
  return page(rows, query.limit, (row) => ({ at: row.createdAt, id: row.id }));
}

/**
 * Sets the finding's status and returns the one it had; 404 finding_not_found unless it is the
 * tenant's. `record` writes the change's audit row in the same transaction: a status change never
 * commits without it (a dismissed finding leaves the exports, so it must be accounted for).
 */
export async function changeFindingStatus(
  db: Database,
  tenantId: string,
  id: string,
  status: FindingRow["status"],
  record: (tx: Pick<Database, "insert">, before: FindingRow["status"]) => Promise<void>,
): Promise<FindingRow["status"]> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ status: findings.status })
      .from(findings)
      .where(and(eq(findings.id, id), eq(findings.tenantId, tenantId)))
      .for("update");
    if (!before) throw notFound("finding_not_found");
    await tx.update(findings).set({ status, updatedAt: new Date() }).where(eq(findings.id, id));
    await record(tx, before.status);
    return before.status;
  });
}

/** A finding with its evidence attempt's prompt and (cut) answer, and every judge's vote. */
export async function findFindingWithEvidence(
  db: Database,
  tenantId: string,
  id: string,
): Promise<FindingWithEvidence> {
  const [found] = await db
    .select({
      row: findings,
      attemptPrompt: scanAttempts.prompt,
      attemptResponse: sql<string | null>`left(${scanAttempts.response}, ${MAX_EVIDENCE_CHARS})`,
      attemptResponseChars: sql<number | null>`length(${scanAttempts.response})`,
      attemptConversation: scanAttempts.conversation,
    })
    .from(findings)
    .leftJoin(
      scanAttempts,
      and(eq(scanAttempts.id, findings.scanAttemptId), eq(scanAttempts.tenantId, findings.tenantId)),
    )
    .where(and(eq(findings.id, id), eq(findings.tenantId, tenantId)));
  if (!found) throw notFound("finding_not_found");
  const votes = await db.select().from(judgeVotes).where(eq(judgeVotes.findingId, id)).orderBy(asc(judgeVotes.id));
  return { ...found, votes };
}

/** A scan's findings other than `except`, oldest first: what its event stream has not sent yet. */
export function scanFindingsExcept(
  db: Database,
  tenantId: string,
  scanId: string,
  except: readonly string[],
): Promise<FindingRow[]> {
  return db
    .select()
    .from(findings)
    .where(
      and(
        eq(findings.tenantId, tenantId),
        eq(findings.scanId, scanId),
        except.length ? sql`${findings.id} <> all(${sql.param([...except])}::uuid[])` : undefined,
      ),
    )
    .orderBy(asc(findings.createdAt), asc(findings.id));
}
