// Every command the README shows must run as written on a fresh clone, where `pnpm` is not on
// PATH: each one starts with ./dev (or is curl, export, source), and every script it names exists.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = fileURLToPath(new URL("../../", import.meta.url));
const readJson = (path: string) => JSON.parse(readFileSync(`${root}${path}`, "utf8"));

// The workspace's packages as pnpm-workspace.yaml lists them (a folder, or a folder/* of them).
const PACKAGE_DIRS = (parse(readFileSync(`${root}pnpm-workspace.yaml`, "utf8")).packages as string[]).flatMap(
  (entry) =>
    entry.endsWith("/*")
      ? readdirSync(`${root}${entry.slice(0, -2)}`, { withFileTypes: true })
          .filter(
            (dirent) => dirent.isDirectory() && existsSync(`${root}${entry.slice(0, -2)}/${dirent.name}/package.json`),
          )
          .map((dirent) => `${entry.slice(0, -2)}/${dirent.name}`)
      : [entry],
);
const scriptsByPackage = new Map<string, Record<string, string>>(
  PACKAGE_DIRS.map((dir) => {
    const manifest = readJson(`${dir}/package.json`);
    return [manifest.name, manifest.scripts ?? {}];
  }),
);
const rootScripts: Record<string, string> = readJson("package.json").scripts;
const PNPM_BUILTINS = new Set(["install", "exec", "deploy"]);
// docker: only the compose file's commands, under a heading that names Docker as what they need.
const OTHER_PROGRAMS = new Set(["curl", "export", "source", "docker"]);

/** The words of a shell command: quotes grouped (newlines inside them too), comments dropped. */
function words(command: string): string[] {
  const found: string[] = [];
  let current = "";
  let quote: string | null = null;
  for (let index = 0; index < command.length; index++) {
    const char = command[index]!;
    if (quote) {
      if (char === quote) quote = null;
      else current += char;
    } else if (char === "'" || char === '"') quote = char;
    else if (char === "#" && !current) break;
    else if (/\s/.test(char)) {
      if (current) found.push(current);
      current = "";
    } else current += char;
  }
  if (current) found.push(current);
  return found;
}

/** Commands of the README's sh blocks: continuation lines joined, a quoted value kept whole. */
function readmeCommands(markdown: string): string[] {
  const commands: string[] = [];
  for (const block of markdown.matchAll(/```(?:sh|bash)\n([\s\S]*?)```/g)) {
    let pending = "";
    for (const line of block[1]!.split("\n")) {
      pending = pending ? `${pending}\n${line}` : line;
      const open = (pending.match(/'/g)?.length ?? 0) % 2 === 1;
      if (open || pending.endsWith("\\")) {
        pending = pending.replace(/\\$/, "");
        continue;
      }
      if (pending.trim()) commands.push(pending.trim());
      pending = "";
    }
  }
  return commands;
}

/** Why the command would not run on a fresh clone, or null. */
function whyNotRunnable(command: string): string | null {
  const parts = words(command).filter((word) => word !== "&");
  while (parts[0] && /^[A-Z_][A-Z0-9_]*=/.test(parts[0])) parts.shift();
  if (!parts.length) return null;
  const [program, ...args] = parts;
  if (OTHER_PROGRAMS.has(program!)) return null;
  if (program !== "./dev") return `starts with ${program}, which a fresh clone does not have on PATH (use ./dev)`;
  if (args[0] === "--filter") {
    const scripts = scriptsByPackage.get(args[1] ?? "");
    if (!scripts) return `no workspace package ${args[1]}`;
    const script = args[2] === "run" ? args[3] : args[2];
    if (PNPM_BUILTINS.has(script ?? "")) return null;
    return script && scripts[script] ? null : `${args[1]} has no script ${script}`;
  }
  if (rootScripts[args[0]!] || PNPM_BUILTINS.has(args[0]!)) return null;
  return `the repository has no script ${args[0]}`;
}

describe("the README's commands", () => {
  const commands = readmeCommands(readFileSync(`${root}README.md`, "utf8"));

  it("are found, quoted multi-line values and continuations included", () => {
    expect(commands.length).toBeGreaterThan(10);
    expect(commands).toContain("./dev start   # installs everything, starts API + worker on an embedded Postgres");
  });

  it.each([
    ["./dev start", null],
    ["PENAXTRA_API_KEY=pxt_... ./dev --filter @penaxtra/example-ci-gate start ID --out reports", null],
    ["pnpm target-sim --port 9100", "starts with pnpm, which a fresh clone does not have on PATH (use ./dev)"],
    ["./dev --filter @penaxtra/example-ci-gate serve", "@penaxtra/example-ci-gate has no script serve"],
    ["./dev no-such-script", "the repository has no script no-such-script"],
    ["./dev --filter @penaxtra/server deploy --prod /tmp/penaxtra", null],
    [
      "node /tmp/penaxtra/bin/penaxtra.js serve",
      "starts with node, which a fresh clone does not have on PATH (use ./dev)",
    ],
    ["X='{\n \"a\": 1\n}' ./dev penaxtra serve", null],
  ])("judges %j", (command, reason) => {
    expect(whyNotRunnable(command)).toBe(reason);
  });

  it("each run on a fresh clone: ./dev (or curl, export, source), naming scripts that exist", () => {
    const broken = commands
      .map((command) => [command, whyNotRunnable(command)] as const)
      .filter(([, reason]) => reason !== null);
    expect(broken).toEqual([]);
  });
});
