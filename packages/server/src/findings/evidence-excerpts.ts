// The start of each finding's prompt and answer, and their full lengths, as the API shows them: a
// scan finding's come from its evidence attempt, a RAG finding carries its own. For the pages and
// documents that show many findings at once (HTML exports, report PDF and HTML).
import type postgres from "postgres";

export interface EvidenceExcerpt {
  prompt: string;
  promptChars: number;
  response: string;
  responseChars: number;
}

export async function loadEvidenceExcerpts(
  pg: postgres.Sql,
  tenantId: string,
  findingIds: string[],
  chars: number,
): Promise<Map<string, EvidenceExcerpt>> {
  if (!findingIds.length) return new Map();
  const rows = await pg<
    Array<{ id: string; prompt: string; prompt_chars: number; response: string; response_chars: number }>
  >`
    with evidence as (
      select f.id, coalesce(a.prompt, f.evidence->>'prompt', '') as prompt,
             coalesce(a.response, f.evidence->>'response', '') as response
      from findings f left join scan_attempts a on a.id = f.scan_attempt_id and a.tenant_id = f.tenant_id
      where f.tenant_id = ${tenantId} and f.id = any(${findingIds}::uuid[]))
    select id, left(prompt, ${chars}) as prompt, length(prompt) as prompt_chars,
           left(response, ${chars}) as response, length(response) as response_chars
    from evidence`;
  return new Map(
    rows.map((row) => [
      row.id,
      { prompt: row.prompt, promptChars: row.prompt_chars, response: row.response, responseChars: row.response_chars },
    ]),
  );
}
