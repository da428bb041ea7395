// The web console in headless Chromium, as a reviewer uses it: sign in with a token, start a scan,
// watch it finish, open the review queue, read a finding's evidence and judge votes, confirm it.
// No request may leave the machine, and an answer full of HTML must stay text.
import { mkdir, readdir } from "node:fs/promises";
import { createTestContext, type TestContext } from "@penaxtra/server/testing";
import { startTargetSimulator, type TargetSimulator } from "@penaxtra/target-simulator";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { ARTEFACTS, launchChromium, offlinePage } from "../support/chromium.ts";

const CONSOLE_ASSETS = new URL("../../packages/server/src/console/assets/", import.meta.url);
const HOSTILE = `<img src=x onerror="document.title='owned'"><script>document.title='owned'</script>`;
let ctx: TestContext;
let browser: Browser;
let target: TargetSimulator;

beforeAll(async () => {
  ctx = await createTestContext(inject("adminDatabaseUrl"));
  target = await startTargetSimulator({ port: 0, profile: "vulnerable" });
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await target.stop();
  await ctx.cleanup();
});

it("signs in, runs a scan to the end, and works through the review queue", async () => {
  const tenantId = await ctx.createTenant();
  const token = await ctx.token(tenantId);
  // A strict tenant: below 0.99 the judges' verdicts wait for a person, so the queue fills.
  await ctx.pg`update tenants set review_confidence_threshold = 0.99 where id = ${tenantId}`;
  const created = await ctx.request(ctx.app, "POST", "/api/v2/endpoints", {
    token,
    body: {
      name: "support bot",
      url: target.chatCompletionsUrl,
      wire_format: "chat_completions_v1",
      limits: { concurrency: 16, requests_per_minute: 60000 },
    },
  });
  expect(created.status).toBe(201);
  await ctx.startWorker();
  const base = await ctx.listen();
  const { page, leaving, errors, requested } = await offlinePage(browser, base, {
    viewport: { width: 1300, height: 900 },
  });
  await mkdir(ARTEFACTS, { recursive: true });

  const response = await page.goto(`${base}/`);
  expect(response!.headers()["content-security-policy"]).toContain("default-src 'none'");
  // The page's script is app.js and the modules beside it: each one is loaded, and served as the
  // page is, under the same CSP.
  const modules = (await readdir(CONSOLE_ASSETS)).filter((name) => name.endsWith(".js"));
  expect(modules).toContain("app.js");
  for (const name of modules) {
    expect(requested).toContain(`${base}/console/${name}`);
    const served = await fetch(`${base}/console/${name}`);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(served.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
  }
  await page.getByLabel("API token").fill("pxt_not_a_token");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByText("That token is not valid.").waitFor();
  await page.getByLabel("API token").fill(token);
  await page.getByRole("button", { name: "Sign in" }).click();
  // The running scan's row follows its event stream rather than the list being read again and again.
  const streamed: string[] = [];
  page.on("request", (request) => {
    if (request.url().endsWith("/events")) streamed.push(new URL(request.url()).pathname);
  });
  await page.getByRole("button", { name: "Start scan" }).click();
  await page.locator('tr[data-status="completed"]').first().waitFor({ timeout: 60_000 });
  expect(streamed[0]).toMatch(/^\/api\/v2\/scans\/[0-9a-f-]{36}\/events$/);
  expect(await page.evaluate(() => sessionStorage.length)).toBe(1);
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
  await page.screenshot({ path: `${ARTEFACTS}console-scans.png` });

  // The queue holds what the judges were not sure enough about.
  await page.getByRole("link", { name: /Review queue/ }).click();
  const cards = page.locator(".card[data-finding]");
  await cards.first().waitFor();
  const queued = await cards.count();
  expect(queued).toBeGreaterThan(0);
  await page.screenshot({ path: `${ARTEFACTS}console-review-queue.png` });

  // One finding's answer is hostile HTML: it must be shown, not run.
  const findingId = (await cards.first().getAttribute("data-finding"))!;
  await ctx.pg`update scan_attempts set response = ${HOSTILE} where id = (select scan_attempt_id from findings where id = ${findingId})`;
  await cards.first().getByRole("link").click();
  await page.locator("table.votes tbody tr").first().waitFor();
  await expect(page.locator("pre.answer").textContent()).resolves.toBe(HOSTILE);
  expect(await page.locator("main img, main script").count()).toBe(0);
  expect(await page.title()).toBe("Penaxtra console");
  const votes = await page.locator("table.votes tbody tr").count();
  expect(votes).toBeGreaterThanOrEqual(2);
  await page.screenshot({ path: `${ARTEFACTS}console-finding.png`, fullPage: true });

  await page.locator('input[name="note"]').fill("reproduced by hand");
  await page.getByRole("button", { name: "Confirm" }).click();
  await page.getByText(/status confirmed/).waitFor();
  const [finding] = await ctx.pg`select status from findings where id = ${findingId}`;
  expect(finding!.status).toBe("confirmed");
  const [audit] = await ctx.pg`
    select details from audit_events where action = 'finding.status_changed' and target_id = ${findingId}`;
  expect(audit!.details).toMatchObject({ before: "needs_review", after: "confirmed", note: "reproduced by hand" });
  await page.getByRole("link", { name: /Review queue/ }).click();
  // The confirmed finding has left the queue (which shows at most 100, so its count may stay the same).
  await page.waitForFunction(
    ([id, count]) =>
      (count === 1 || document.querySelectorAll(".card[data-finding]").length > 0) &&
      !document.querySelector(`.card[data-finding="${id}"]`),
    [findingId, queued] as const,
  );

  // The API's filters: only critical findings of one framework control.
  await page.getByRole("link", { name: "Findings" }).click();
  await page.getByLabel("severity").selectOption("critical");
  await page.waitForURL(/severity=critical/);
  await page.getByLabel("framework_ref").selectOption("OWASP_LLM01");
  await page.waitForFunction(
    () => location.hash.includes("framework_ref") && document.getElementById("main")!.dataset.view === location.hash,
  );
  const shown = await page.locator("tr[data-finding] td:first-child").allTextContents();
  expect(shown.length).toBeGreaterThan(0);
  expect(new Set(shown)).toEqual(new Set(["critical"]));
  const expected = await (
    await ctx.request(ctx.app, "GET", "/api/v2/findings?severity=critical&framework_ref=OWASP_LLM01&limit=100", {
      token,
    })
  ).json();
  expect(shown.length).toBe(expected.data.length);

  await page.getByRole("link", { name: "Coverage" }).click();
  await page.getByText("By framework").waitFor();
  await page.screenshot({ path: `${ARTEFACTS}console-coverage.png`, fullPage: true });

  expect(leaving).toEqual([]);
  expect(errors).toEqual([]);
}, 120_000);

it("follows running RAG runs in the list and on a run's page until they end, without reading them again", async () => {
  const tenantId = await ctx.createTenant();
  const token = await ctx.token(tenantId);
  // Slow answers (150 ms a query), so each run is still running while the pages are watched.
  const pipeline = await startTargetSimulator({ port: 0, profile: "hardened", latencyMs: 150 });
  try {
    const asset = await ctx.request(ctx.app, "POST", "/api/v2/ai-assets", {
      token,
      body: {
        name: "support search",
        kind: "rag",
        config: {
          ingest_url: pipeline.ragUrls.ingest,
          query_url: pipeline.ragUrls.query,
          delete_url: pipeline.ragUrls.delete,
          timeout_ms: 5000,
        },
      },
    });
    expect(asset.status).toBe(201);
    const assetId = (await asset.json()).id;
    const startRun = async () => {
      const accepted = await ctx.request(ctx.app, "POST", "/api/v2/rag-runs", {
        token,
        body: { ai_asset_id: assetId },
      });
      return (await accepted.json()).rag_run_id as string;
    };
    await ctx.startWorker();
    const base = await ctx.listen();
    const { page, leaving, errors, requested } = await offlinePage(browser, base, {
      viewport: { width: 1300, height: 900 },
    });
    const reads = (path: string) => requested.filter((url) => new URL(url).pathname === path).length;
    await page.goto(`${base}/`);
    await page.getByLabel("API token").fill(token);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Scans" }).waitFor();

    // The list: a running run's row counts its tests as they end, from the run's stream.
    const listed = await startRun();
    await page.getByRole("link", { name: "RAG runs", exact: true }).click();
    await page.waitForFunction((id) => {
      const row = document.querySelector<HTMLTableRowElement>(`tr[data-rag-run="${id}"]`);
      return row?.dataset.status === "running" && Number(row.cells[3]!.textContent) > 0;
    }, listed);
    expect(reads("/api/v2/rag-runs")).toBe(1);
    expect(reads(`/api/v2/rag-runs/${listed}/events`)).toBe(1);
    await page.locator(`tr[data-rag-run="${listed}"][data-status="completed"]`).waitFor({ timeout: 60_000 });

    // A run's page: from running to completed, test by test, with one read of the run.
    const followed = await startRun();
    await page.evaluate((id) => {
      location.hash = `#/rag-runs/${id}`;
    }, followed);
    await page.locator('h1[data-status="running"]').waitFor();
    await page.locator('h1[data-status="completed"]').waitFor({ timeout: 60_000 });
    await expect(page.locator("main table tbody tr").count()).resolves.toBe(13);
    expect(reads(`/api/v2/rag-runs/${followed}`)).toBe(1);
    expect(reads(`/api/v2/rag-runs/${followed}/events`)).toBe(1);
    expect(leaving).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await pipeline.stop();
  }
}, 120_000);
