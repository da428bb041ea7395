import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, logFormat } from "./logger.ts";

describe("logFormat", () => {
  it.each([
    [{}, true, "pretty"],
    [{}, false, "json"],
    [{ LOG_FORMAT: "json" }, true, "json"],
    [{ LOG_FORMAT: "pretty" }, false, "pretty"],
  ] as const)("env %o, terminal %s: %s", (env, terminal, expected) => {
    expect(logFormat(env, terminal)).toBe(expected);
  });

  it("refuses a format it does not know", () => {
    expect(() => logFormat({ LOG_FORMAT: "xml" }, false)).toThrow(/LOG_FORMAT must be json or pretty/);
  });
});

async function written(format: "json" | "pretty"): Promise<string> {
  const stream = new PassThrough();
  let text = "";
  stream.on("data", (chunk) => (text += chunk));
  createLogger("info", format, stream).info({ scan_id: "s-1" }, "scan finished");
  await new Promise((resolve) => setImmediate(resolve));
  return text;
}

describe("createLogger", () => {
  it("writes one JSON object per line with an ISO 8601 time", async () => {
    const line = JSON.parse(await written("json"));
    expect(line).toMatchObject({ level: 30, msg: "scan finished", scan_id: "s-1", service: "penaxtra" });
    expect(line.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it("writes a line for people on a terminal: time, level and message, not JSON", async () => {
    const text = await written("pretty");
    expect(text).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: scan finished\n/);
    expect(text).toContain('scan_id: "s-1"');
    expect(() => JSON.parse(text)).toThrow();
  });
});
