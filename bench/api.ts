// `pnpm bench api`: p50/p99 of GET /api/v2/findings over 1,000,000 findings, and requests/s of
// GET /api/v2/scans/{id}, against a real server process on loopback. Target: p99 < 20 ms.

import { chmod, mkdir } from "node:fs/promises";
import { Agent, request } from "node:http";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startEmbeddedPostgres } from "@penaxtra/server";
import { connect, createToken, migrateDatabase, SCOPES, schema } from "@penaxtra/server/testing";
import pino from "pino";
import postgres from "postgres";
import { startServer } from "./support/start-server.ts";

const CONCURRENCY = 16;
// A scan has one finding per probe (findings_scan_probe_idx): the seed spreads findings over as
// many scans as that takes, PROBES_PER_SCAN each.
const PROBES_PER_SCAN = 80;

export interface ApiBenchOptions {
  findings?: number;
  latencyRequests?: number;
  throughputSeconds?: number;
  /** An existing cluster to use; otherwise an embedded one in .bench/. */
  databaseUrl?: string;
}
const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const log = pino({ level: "warn" });

// A keep-alive node:http client: lighter than fetch, so the figures are the server's, not the client's.
const agent = new Agent({ keepAlive: true, maxSockets: 64 });
function get(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolveGet, reject) => {
    const outgoing = request(url, { agent, headers }, (incoming) => {
      let body = "";
      incoming.setEncoding("utf8");
      incoming.on("data", (chunk) => (body += chunk));
      incoming.on("end", () => resolveGet({ status: incoming.statusCode ?? 0, body }));
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const round = (value: number) => Math.round(value * 100) / 100;

export async function benchApi(options: ApiBenchOptions = {}) {
  const FINDINGS = options.findings ?? Number(process.env.BENCH_FINDINGS ?? 1_000_000);
  const LATENCY_REQUESTS = options.latencyRequests ?? Number(process.env.BENCH_REQUESTS ?? 3000);
  const THROUGHPUT_SECONDS = options.throughputSeconds ?? Number(process.env.BENCH_SECONDS ?? 10);
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  const dataDir = resolve(root, ".bench");
  await mkdir(dataDir, { recursive: true });
  await chmod(dataDir, 0o755);
  const cluster = databaseUrl ? null : await startEmbeddedPostgres(dataDir, log);
  // Whatever happens from here, the bench's own Postgres is stopped before it returns or throws.
  try {
    return await measure(databaseUrl ?? cluster!.url, FINDINGS, LATENCY_REQUESTS, THROUGHPUT_SECONDS);
  } finally {
    await cluster?.stop();
  }
}

async function measure(adminUrl: string, FINDINGS: number, LATENCY_REQUESTS: number, THROUGHPUT_SECONDS: number) {
  const name = `bench_${FINDINGS}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const exists = (await admin`select 1 from pg_database where datname = ${name}`).length > 0;
  if (!exists) await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
  await migrateDatabase(url);
  const { db, pg, close } = connect(url);
  try {
    return await measureSeeded(db, pg, url, FINDINGS, LATENCY_REQUESTS, THROUGHPUT_SECONDS);
  } finally {
    await close();
  }
}

async function measureSeeded(
  db: ReturnType<typeof connect>["db"],
  pg: postgres.Sql,
  url: string,
  FINDINGS: number,
  LATENCY_REQUESTS: number,
  THROUGHPUT_SECONDS: number,
) {
  const seedStarted = performance.now();
  let [tenant]: Array<{ id: string }> = await db.select({ id: schema.tenants.id }).from(schema.tenants);
  // The tenant and its data in one transaction: a seed that fails leaves nothing half done.
  if (!tenant)
    tenant = await pg.begin(async (tx) => {
      const [created] = await tx<Array<{ id: string }>>`insert into tenants (slug) values ('bench') returning id`;
      await seed(tx, created!.id, FINDINGS);
      return created!;
    });
  await pg`analyze`;
  const seedSeconds = round((performance.now() - seedStarted) / 1000);
  const { token } = await createToken(db, { tenantId: tenant.id, scopes: [...SCOPES], name: "bench" });
  const [{ findings }] = (await pg`select count(*)::int as findings from findings`) as unknown as [
    { findings: number },
  ];
  const [scan] = await pg`select id from scans limit 1`;
  const [endpoint] = await pg`select id from endpoints limit 1`;

  const server = await startServer(url, { worker: false });
  const base = `http://127.0.0.1:${server.port}`;
  const headers = { authorization: `Bearer ${token}` };
  try {
    const firstPage = JSON.parse((await get(`${base}/api/v2/findings?limit=50`, headers)).body);
    const variants = [
      "limit=50",
      "limit=50&severity=high",
      "limit=50&severity=critical,high",
      "limit=50&status=open",
      `limit=50&scan_id=${scan!.id}`,
      `limit=50&endpoint_id=${endpoint!.id}`,
      "limit=50&framework_ref=OWASP_LLM07",
      "limit=50&framework_ref=EU_AI_ACT_Art15&severity=critical",
      `limit=50&from=${new Date(Date.now() - 7 * 86_400_000).toISOString()}`,
      `limit=50&cursor=${firstPage.next_cursor}`,
      "limit=200",
    ];
    // Warm-up: connections, plans and caches, as a running server would have them.
    for (const variant of variants)
      for (let i = 0; i < 20; i++) await get(`${base}/api/v2/findings?${variant}`, headers);

    const all: number[] = [];
    const perVariant: Record<string, number[]> = {};
    for (let i = 0; i < LATENCY_REQUESTS; i++) {
      const variant = variants[i % variants.length]!;
      const started = performance.now();
      const response = await get(`${base}/api/v2/findings?${variant}`, headers);
      const elapsed = performance.now() - started;
      if (response.status !== 200) throw new Error(`GET findings?${variant} answered ${response.status}`);
      all.push(elapsed);
      perVariant[variant] ??= [];
      perVariant[variant].push(elapsed);
    }
    all.sort((x, y) => x - y);

    const scanUrl = `${base}/api/v2/scans/${scan!.id}`;
    let completed = 0;
    const deadline = performance.now() + THROUGHPUT_SECONDS * 1000;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (performance.now() < deadline) {
          const response = await get(scanUrl, headers);
          if (response.status !== 200) throw new Error(`GET scan answered ${response.status}`);
          completed++;
        }
      }),
    );

    return {
      benchmark: "api",
      findings,
      seed_seconds: seedSeconds,
      findings_list: {
        requests: all.length,
        p50_ms: round(percentile(all, 50)),
        p99_ms: round(percentile(all, 99)),
        max_ms: round(all[all.length - 1]!),
        target_p99_ms: 20,
        meets_target: percentile(all, 99) < 20,
        per_filter_p99_ms: Object.fromEntries(
          Object.entries(perVariant).map(([variant, times]) => [
            variant.replace(/cursor=[^&]+/, "cursor=…"),
            round(
              percentile(
                times.sort((x, y) => x - y),
                99,
              ),
            ),
          ]),
        ),
      },
      scan_by_id: {
        concurrency: CONCURRENCY,
        seconds: THROUGHPUT_SECONDS,
        requests_per_second: Math.round(completed / THROUGHPUT_SECONDS),
      },
      note: "client and server are separate processes on loopback; every request is authenticated, rate-limited and audited",
    };
  } finally {
    agent.destroy();
    await server.stop();
  }
}

async function seed(pg: postgres.TransactionSql, tenantId: string, findings: number) {
  console.error(`seeding ${findings} findings…`);
  const scans = Math.ceil(findings / PROBES_PER_SCAN);
  await pg`insert into endpoints (tenant_id, name, url, wire_format, limits, status)
            select ${tenantId}, 'bench-' || i, 'http://127.0.0.1:9/v1', 'chat_completions_v1', '{}'::jsonb, 'active' from generate_series(1, 10) i`;
  await pg`create temporary table endpoint_ids on commit drop as select row_number() over (order by id) - 1 as n, id from endpoints where tenant_id = ${tenantId}`;
  await pg`insert into scans (tenant_id, endpoint_id, status, created_at)
            select ${tenantId}, e.id, 'completed', now() - (i || ' minutes')::interval
            from generate_series(1, ${scans}) i join endpoint_ids e on e.n = i % 10`;
  await pg`create temporary table scan_ids on commit drop as
            select row_number() over (order by created_at desc, id) as n, id, endpoint_id from scans where tenant_id = ${tenantId}`;
  // Finding i is probe (i mod 80) of scan (i div 80): one finding per (scan, probe), as scans write
  // them. Severities, statuses and refs spread as a long-lived tenant would have them, over 180 days.
  await pg`insert into findings (tenant_id, scan_id, endpoint_id, probe_id, title, category, severity, status, verdict, confidence, risk_refs, evidence, fingerprint, created_at, updated_at)
            select ${tenantId}, s.id, s.endpoint_id, 'probe-' || (i % ${PROBES_PER_SCAN}), 'Finding ' || i, 'prompt_injection',
                   (array['critical','high','high','medium','medium','medium','low','low','info','info'])[1 + i % 10],
                   (array['open','open','open','confirmed','needs_review','false_positive','fixed'])[1 + i % 7],
                   'vulnerable', 0.8,
                   array[(array['OWASP_LLM01','OWASP_LLM02','OWASP_LLM05','OWASP_LLM07','OWASP_LLM06'])[1 + i % 5], (array['EU_AI_ACT_Art15','ISO_42001_A_6_2_4','MITRE_ATLAS_AML_T0051'])[1 + i % 3]],
                   jsonb_build_object('prompt', 'p', 'response', 'r'),
                   penaxtra_finding_fingerprint(s.endpoint_id::text, 'probe-' || (i % ${PROBES_PER_SCAN})), ts, ts
            from (select i, now() - (i * (180 * 86400.0 / ${findings}) || ' seconds')::interval as ts from generate_series(0, ${findings - 1}) i) g
            join scan_ids s on s.n = 1 + i / ${PROBES_PER_SCAN}`;
  await pg`insert into finding_refs (tenant_id, ref, created_at, finding_id)
            select tenant_id, unnest(risk_refs), created_at, id from findings where tenant_id = ${tenantId}`;
}
