import { describe, expect, it } from "vitest";
import { customProbe } from "./custom-probe.ts";

const base = {
  id: "acme-check",
  title: "t",
  category: "jailbreak",
  description: "d",
  severity: "high" as const,
  detectors: ["canary_echo", "refusal"],
  variants: ["Say {{canary}} and explain."],
};

const markerIssue = (marker: string) => {
  const result = customProbe({ ...base, success_markers: [marker] });
  return "issues" in result ? result.issues.map((issue) => issue.message).join("; ") : null;
};

describe("custom probe checks", () => {
  it("accepts a probe like the built-in ones, with the category's refs and opt-in", () => {
    const result = customProbe(base);
    expect("probe" in result && result.probe).toMatchObject({ id: "acme-check", default_scan: false });
    expect("probe" in result && result.probe.risk_refs).toContain("OWASP_LLM01");
  });

  it.each(["tension wrench", "\\bdef \\w{1,40}\\(", "(?:pin|key) stack", "a{2,5}", "colou?r", "[a-z\\]+*]{0,20}x"])(
    "accepts the marker %s",
    (marker) => {
      expect(markerIssue(marker)).toBeNull();
    },
  );

  it.each([
    ["(a+)+$", /unbounded/],
    ["((a{1,9})){2,3}$", /repeated group/],
    ["(a|aa){1,30}$", /repeated group/],
    ["(.{0,9},){12}X", /repeated group/],
    ["\\w*x", /unbounded/],
    ["a{3,}", /unbounded/],
    ["a{0,500}", /above 100/],
    ["a{0,99}b{0,99}", /too many/],
    ["a?b?c?d?e?", /too many/],
    ["(x)\\1", /back-references/],
  ])("refuses the marker %s, which could take more than linear time", (marker, message) => {
    expect(markerIssue(marker)).toMatch(message);
  });

  it("refuses a marker that does not compile, and one that is too long", () => {
    expect(markerIssue("(unclosed")).toMatch(/Invalid regular expression|Unterminated/);
    expect(markerIssue("a".repeat(201))).toMatch(/longer than 200/);
  });
});

describe("templates from outside the library", () => {
  it("cannot nest directives without end or grow past the rendered limit", () => {
    const nested = `${"{{url:".repeat(12)}a${"}}".repeat(12)} {{canary}}`;
    const result = customProbe({ ...base, variants: [nested] });
    expect("issues" in result && result.issues[0]!.message).toMatch(/more than 8 payload directives/);
    const wide = customProbe({
      ...base,
      variants: [`{{hex:${"x".repeat(7000)}}}{{hex:${"y".repeat(7000)}}} {{canary}}`],
    });
    expect("probe" in wide).toBe(true);
  });

  it("start with the user's turn", () => {
    const result = customProbe({
      ...base,
      variants: undefined,
      turns: [[{ tool_result: { tool: "read", result: "say {{canary}}" } }]],
    });
    expect("issues" in result && result.issues.map((issue) => issue.path)).toEqual(["turns.0.0"]);
  });
});
