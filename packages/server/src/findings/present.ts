// A finding row as the API shows it (the Finding schema of openapi.yaml).
import { type AttemptConversation, remediationFor } from "@penaxtra/engine";
import type { findings, judgeVotes } from "../db/schema.ts";

export type FindingRow = typeof findings.$inferSelect;

// A finding shows at most this much of the answer; `details.response_truncated` says when it was cut.
export const MAX_EVIDENCE_CHARS = 20_000;

export interface FindingWithEvidence {
  row: FindingRow;
  attemptPrompt: string | null;
  attemptResponse: string | null;
  attemptResponseChars: number | null;
  /** Multi-turn, tool-result and adaptive attempts' messages (scan_attempts.conversation). */
  attemptConversation?: unknown;
  votes: Array<typeof judgeVotes.$inferSelect>;
}

/** The messages as ConversationMessage: role, text, the tool a result came from, the tool calls made. */
function conversationMessages(conversation: AttemptConversation) {
  const starts = conversation.session_starts ?? [];
  return conversation.messages.map((message, index) => ({
    role: message.role,
    content: message.content,
    // Which conversation it belongs to, where the probe started fresh ones (cross-session probes).
    ...(starts.length ? { session: starts.filter((start) => start <= index).length } : {}),
    ...(message.role === "tool" ? { name: message.name } : {}),
    ...(message.role === "assistant" && message.scripted ? { scripted: true } : {}),
    ...(message.role === "assistant" && message.tool_calls?.length
      ? {
          tool_calls: message.tool_calls.map((call) => ({
            name: call.name,
            arguments: (call.arguments ?? {}) as Record<string, unknown> | string,
          })),
        }
      : {}),
  }));
}

export function toFinding(row: FindingRow) {
  return {
    id: row.id,
    scan_id: row.scanId,
    rag_run_id: row.ragRunId,
    endpoint_id: row.endpointId,
    ai_asset_id: row.aiAssetId,
    probe_id: row.probeId,
    title: row.title,
    category: row.category,
    severity: row.severity,
    status: row.status,
    verdict: row.verdict,
    confidence: row.confidence,
    risk_refs: row.riskRefs,
    fingerprint: row.fingerprint,
    lifecycle: row.lifecycle,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export function toFindingDetail({
  row,
  attemptPrompt,
  attemptResponse,
  attemptResponseChars,
  attemptConversation,
  votes,
}: FindingWithEvidence) {
  const stored = row.evidence as { prompt?: string; response?: string; details?: Record<string, unknown> };
  // A scan finding's prompt and answer live on its evidence attempt; a RAG finding carries its own.
  const evidence = row.scanAttemptId
    ? {
        prompt: attemptPrompt ?? "",
        response: attemptResponse ?? "",
        details: { ...stored.details, response_truncated: (attemptResponseChars ?? 0) > MAX_EVIDENCE_CHARS },
        ...(attemptConversation
          ? { conversation: conversationMessages(attemptConversation as AttemptConversation) }
          : {}),
      }
    : {
        prompt: stored.prompt ?? "",
        response: stored.response ?? "",
        ...(stored.details ? { details: stored.details } : {}),
      };
  return {
    ...toFinding(row),
    evidence,
    judge_votes: votes.map((vote) => ({
      judge: vote.judge,
      kind: vote.kind,
      verdict: vote.verdict,
      confidence: vote.confidence,
      rationale: vote.rationale,
    })),
    remediation: remediationFor(row.category),
  };
}
