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

  it.each(["tension wrench", "\\bdef \\w+\\(", "(?:pin|key) stack", "a{2,5}"])("accepts the marker %s", (marker) => {
    expect(markerIssue(marker)).toBeNull();
  });

  it.each(["(a+)+$", "(\\w*x)*y", "(?:ab+){2,}", "([a-z]+\\d*)+"])("refuses the catastrophic marker %s", (marker) => {
    expect(markerIssue(marker)).toMatch(/exponential/);
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
