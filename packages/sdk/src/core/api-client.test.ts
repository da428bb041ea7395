// The parts of a call every resource shares: raw answers with request ids, paging, per-call options,
// logging, and the browser guard. An msw double answers; nothing leaves the process.
import { delay, HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { NotFoundError, TimeoutError } from "../errors.ts";
import { Penaxtra } from "../penaxtra.ts";
import type { PenaxtraOptions } from "./api-client.ts";
import type { Logger } from "./log.ts";

const BASE = "http://penaxtra.test";
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const client = (options: PenaxtraOptions = {}) =>
  new Penaxtra({ baseUrl: BASE, apiKey: "pxt_secret_key", sleep: async () => {}, ...options });
const scan = { id: "s1", status: "running" };

describe("raw answers", () => {
  it("gives the data with its Response and request id through withResponse()", async () => {
    server.use(
      http.get(`${BASE}/api/v2/scans/:id`, () => HttpResponse.json(scan, { headers: { "x-request-id": "req-42" } })),
    );
    const call = client().scans.get("s1");
    const { data, response, requestId } = await call.withResponse();
    expect(data).toEqual(scan);
    expect(requestId).toBe("req-42");
    expect(response.status).toBe(200);
    expect(await call).toEqual(scan);
  });

  it("rejects withResponse() with the typed error and its request id", async () => {
    server.use(
      http.get(`${BASE}/api/v2/scans/:id`, () =>
        HttpResponse.json({ error: "scan_not_found" }, { status: 404, headers: { "x-request-id": "req-404" } }),
      ),
    );
    const error = await client()
      .scans.get("nope")
      .withResponse()
      .catch((caught) => caught);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.requestId).toBe("req-404");
  });
});

describe("lists", () => {
  const pages: Record<string, { data: Array<{ id: string }>; next_cursor: string | null }> = {
    "": { data: [{ id: "a" }, { id: "b" }], next_cursor: "c2" },
    c2: { data: [{ id: "c" }], next_cursor: "c3" },
    c3: { data: [{ id: "d" }], next_cursor: null },
  };
  const cursors: string[] = [];
  beforeAll(() => {
    cursors.length = 0;
  });
  const usePages = () =>
    server.use(
      http.get(`${BASE}/api/v2/endpoints`, ({ request }) => {
        const cursor = new URL(request.url).searchParams.get("cursor") ?? "";
        cursors.push(cursor);
        return HttpResponse.json(pages[cursor], { headers: { "x-request-id": `page-${cursor}` } });
      }),
    );

  it("pages by hand: the first page on await, then getNextPage until hasNextPage is false", async () => {
    usePages();
    cursors.length = 0;
    let page = await client().endpoints.list({ limit: 2 });
    const seen = [page.data.map((item) => item.id)];
    expect(page.requestId).toBe("page-");
    while (page.hasNextPage()) {
      page = await page.getNextPage();
      seen.push(page.data.map((item) => item.id));
    }
    expect(seen).toEqual([["a", "b"], ["c"], ["d"]]);
    expect(() => page.getNextPage()).toThrow(RangeError);
  });

  it("walks every item with for await, fetching a page only when the one before is used up", async () => {
    usePages();
    cursors.length = 0;
    const ids: string[] = [];
    for await (const endpoint of client().endpoints.list()) {
      ids.push(endpoint.id);
      if (endpoint.id === "b") expect(cursors).toEqual([""]);
    }
    expect(ids).toEqual(["a", "b", "c", "d"]);
    expect(cursors).toEqual(["", "c2", "c3"]);
  });

  it("iterates the single-page catalogues like every other list", async () => {
    server.use(http.get(`${BASE}/api/v2/probes`, () => HttpResponse.json({ data: [{ id: "p1" }, { id: "p2" }] })));
    const ids: string[] = [];
    for await (const probe of client().probes.list()) ids.push(probe.id);
    expect(ids).toEqual(["p1", "p2"]);
    expect((await client().probes.list()).hasNextPage()).toBe(false);
  });
});

describe("per-call options", () => {
  it("override the client's timeout and retries for one call only", async () => {
    let calls = 0;
    server.use(
      http.get(`${BASE}/api/v2/scans/:id`, async () => {
        calls++;
        await delay(200);
        return HttpResponse.json(scan);
      }),
    );
    const penaxtra = client({ timeoutMs: 5_000, maxRetries: 3 });
    await expect(penaxtra.scans.get("s1", { timeoutMs: 20, maxRetries: 1 })).rejects.toBeInstanceOf(TimeoutError);
    expect(calls).toBe(2);
    await expect(penaxtra.scans.get("s1")).resolves.toEqual(scan);
  });

  it("send the call's own headers beside the client's", async () => {
    let headers: Headers | undefined;
    server.use(
      http.get(`${BASE}/api/v2/scans/:id`, ({ request }) => {
        headers = request.headers;
        return HttpResponse.json(scan);
      }),
    );
    await client({ headers: { "x-team": "red" } }).scans.get("s1", { headers: { "x-trace": "t-1" } });
    expect(headers?.get("x-team")).toBe("red");
    expect(headers?.get("x-trace")).toBe("t-1");
    expect(headers?.get("authorization")).toBe("Bearer pxt_secret_key");
  });
});

describe("logging", () => {
  const recorder = () => {
    const lines: Array<[string, string]> = [];
    const logger = Object.fromEntries(
      (["error", "warn", "info", "debug"] as const).map((level) => [
        level,
        (message: string, ...details: unknown[]) => lines.push([level, [message, ...details].join(" ")]),
      ]),
    ) as unknown as Logger;
    return { lines, logger };
  };
  const flaky = () => {
    let calls = 0;
    server.use(
      http.get(`${BASE}/api/v2/scans/:id`, () =>
        ++calls === 1
          ? HttpResponse.json({ error: "unavailable" }, { status: 503, headers: { "x-request-id": "req-1" } })
          : HttpResponse.json(scan, { headers: { "x-request-id": "req-2" } }),
      ),
    );
  };

  it("logs every attempt at debug and each retry at info, never the API key", async () => {
    flaky();
    const { lines, logger } = recorder();
    await client({ logger, logLevel: "debug", random: () => 0 }).scans.get("s1");
    expect(lines.map(([level]) => level)).toEqual(["debug", "debug", "info", "debug", "debug"]);
    expect(lines[2]?.[1]).toBe("penaxtra: GET /api/v2/scans/s1 answered 503 (request req-1); retrying in 0 ms");
    expect(lines[4]?.[1]).toMatch(/^penaxtra: GET \/api\/v2\/scans\/s1 answered 200 in \d+ ms \(request req-2\)$/);
    expect(lines.join("\n")).not.toContain("pxt_secret_key");
  });

  it("logs nothing below the level: warn by default, PENAXTRA_LOG when the options say nothing", async () => {
    flaky();
    const quiet = recorder();
    await client({ logger: quiet.logger }).scans.get("s1");
    expect(quiet.lines).toEqual([]);

    flaky();
    const fromEnv = recorder();
    process.env.PENAXTRA_LOG = "info";
    try {
      await client({ logger: fromEnv.logger }).scans.get("s1");
    } finally {
      delete process.env.PENAXTRA_LOG;
    }
    expect(fromEnv.lines.map(([level]) => level)).toEqual(["info"]);
  });

  it("says so when PENAXTRA_LOG is not a level", () => {
    const { lines, logger } = recorder();
    process.env.PENAXTRA_LOG = "verbose";
    try {
      client({ logger });
    } finally {
      delete process.env.PENAXTRA_LOG;
    }
    expect(lines).toEqual([
      ["warn", "penaxtra: PENAXTRA_LOG=verbose is not a log level (off, error, warn, info, debug); using warn"],
    ]);
  });
});

describe("in a web page", () => {
  const asBrowser = <T>(run: () => T): T => {
    const global = globalThis as Record<string, unknown>;
    global.window = { document: {} };
    try {
      return run();
    } finally {
      delete global.window;
    }
  };

  it("refuses to hold an API key unless dangerouslyAllowBrowser is set", () => {
    expect(() => asBrowser(() => client())).toThrow(/refuses to run in a browser.*dangerouslyAllowBrowser/);
    expect(asBrowser(() => client({ dangerouslyAllowBrowser: true }))).toBeInstanceOf(Penaxtra);
  });
});
