// What users install: the SDK as published (ESM + CJS + types, checked with are-the-types-wrong and
// loaded both ways), and a client that a third-party generator makes from openapi.yaml compiles.
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const sdk = join(root, "packages/sdk");
const bin = (from: string, name: string) => join(root, from, "node_modules", name);
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "penaxtra-sdk-"));
}, 60_000);

describe("the published SDK", () => {
  let tarball: string;
  let packageDir: string;
  beforeAll(async () => {
    await run(
      process.execPath,
      [bin("packages/sdk", "tsup/dist/cli-default.js"), "src/index.ts", "--format", "esm,cjs", "--dts", "--clean"],
      { cwd: sdk },
    );
    // The package as pnpm publishes it: publishConfig's fields over the workspace ones, only `files`.
    const manifest = JSON.parse(await readFile(join(sdk, "package.json"), "utf8"));
    const { publishConfig, devDependencies: _dev, scripts: _scripts, ...published } = manifest;
    packageDir = join(work, "package");
    await mkdir(packageDir, { recursive: true });
    await writeFile(join(packageDir, "package.json"), JSON.stringify({ ...published, ...publishConfig }, null, 2));
    for (const file of published.files) await cp(join(sdk, file), join(packageDir, file), { recursive: true });
    await cp(join(sdk, "node_modules"), join(packageDir, "node_modules"), { recursive: true, dereference: true });
    tarball = join(work, "sdk.tgz");
    await run("tar", ["czf", tarball, "--exclude", "package/node_modules", "-C", work, "package"]);
  }, 120_000);

  it("has types that resolve for node10, node16 (CJS and ESM) and bundlers", async () => {
    const { stdout } = await run(process.execPath, [
      bin("test", "@arethetypeswrong/cli/dist/index.js"),
      tarball,
      "--format",
      "json",
    ]).catch((error) => error);
    const report = JSON.parse(stdout);
    expect(report.analysis.problems ?? []).toEqual([]);
  }, 60_000);

  it("carries its README and LICENSE", async () => {
    expect(await readFile(join(packageDir, "README.md"), "utf8")).toContain("# @penaxtra/sdk");
    expect(await readFile(join(packageDir, "LICENSE"), "utf8")).toContain("Apache License");
    expect(await readFile(join(root, "LICENSE"), "utf8")).toBe(await readFile(join(packageDir, "LICENSE"), "utf8"));
  });

  it("bundles webhooks.verify alone in under 2 KB gzipped (sideEffects: false, no work at import)", async () => {
    const app = join(work, "app");
    await mkdir(join(app, "node_modules/@penaxtra"), { recursive: true });
    await cp(packageDir, join(app, "node_modules/@penaxtra/sdk"), { recursive: true });
    await writeFile(
      join(app, "verify.mjs"),
      `import { webhooks } from "@penaxtra/sdk";\nexport const verify = (body, signature, secret) => webhooks.verify(body, signature, secret);\n`,
    );
    // The esbuild the SDK's own build (tsup) uses, as an application's bundler would run it.
    const fromTsup = createRequire(createRequire(join(sdk, "package.json")).resolve("tsup"));
    const esbuild = fromTsup("esbuild") as {
      build(options: Record<string, unknown>): Promise<{ outputFiles: Array<{ contents: Uint8Array; text: string }> }>;
    };
    const { outputFiles } = await esbuild.build({
      entryPoints: [join(app, "verify.mjs")],
      absWorkingDir: app,
      bundle: true,
      minify: true,
      format: "esm",
      platform: "neutral",
      write: false,
      logLevel: "silent",
    });
    const bundle = outputFiles[0]!;
    expect(bundle.text).not.toContain("openapi-fetch");
    expect(bundle.text).not.toContain("retry");
    expect(gzipSync(bundle.contents).length).toBeLessThan(2048);
  }, 60_000);

  it("loads with require and with import, with the same API", async () => {
    const fromCjs = createRequire(join(packageDir, "index.js"))(join(packageDir, "dist/index.cjs"));
    const fromEsm = await import(pathToFileURL(join(packageDir, "dist/index.js")).href);
    for (const loaded of [fromCjs, fromEsm]) {
      expect(typeof loaded.Penaxtra).toBe("function");
      expect(typeof loaded.webhooks.verify).toBe("function");
      expect(new loaded.Penaxtra({ apiKey: "pxt_x", baseUrl: "http://localhost:1" }).scans.waitFor).toBeTypeOf(
        "function",
      );
    }
  });
});

it("lets @hey-api/openapi-ts generate a client from openapi.yaml that compiles under strict TypeScript", async () => {
  const out = join(work, "hey-api");
  await run(process.execPath, [
    bin("test", "@hey-api/openapi-ts/bin/run.js"),
    "-i",
    join(root, "openapi.yaml"),
    "-o",
    out,
  ]);
  await writeFile(
    join(work, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: "ES2022",
        module: "ESNext",
        moduleResolution: "Bundler",
        lib: ["ES2022", "DOM", "DOM.Iterable"],
        skipLibCheck: false,
      },
      include: ["hey-api/**/*.ts"],
    }),
  );
  const result = await run(process.execPath, [
    bin("test", "typescript/bin/tsc"),
    "-p",
    join(work, "tsconfig.json"),
  ]).catch((error) => error);
  expect(result.stdout ?? "").toBe("");
  expect(await readFile(join(out, "sdk.gen.ts"), "utf8")).toContain("createScan");
}, 120_000);
