// Generates code from openapi.yaml, the single source of truth:
//   packages/sdk/src/generated/openapi.ts      (openapi-typescript `paths` types)
//   packages/server/src/generated/contract.ts  (zod schemas + @hono/zod-openapi routes)
// `--check` writes nothing and exits 1 when a committed file differs from what would be generated.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";
import { parse } from "yaml";
import { sdkErrorSlugType } from "./generate/error-slugs.ts";
import { generateServerContract } from "./generate/server-contract.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const specPath = resolve(root, "openapi.yaml");
const spec = parse(readFileSync(specPath, "utf8")) as OpenAPI3;

const header = "// Generated from openapi.yaml by `pnpm generate`. Do not edit.\n";

// defaultNonNullable off: a field with a default may be left out of a request (e.g. one endpoint limit).
const sdkTypes =
  header +
  "/* eslint-disable */\n" +
  astToString(await openapiTS(spec, { alphabetize: false, defaultNonNullable: false })) +
  sdkErrorSlugType(spec);
const serverContract = header + generateServerContract(spec);

const outputs: Array<[string, string]> = [
  ["packages/sdk/src/generated/openapi.ts", sdkTypes],
  ["packages/server/src/generated/contract.ts", serverContract],
];

// Generated files are formatted like hand-written ones: the output goes through the repository's
// Biome formatter (biome.json) before it is written or compared, so `--check` compares formatted text.
// Biome's formatting of a member chain depends on how the input was laid out, so a second pass can
// still change text the first produced: format until the text stops changing (`biome ci` agrees then).
function format(relative: string, content: string): string {
  let text = content;
  for (let pass = 0; pass < 5; pass++) {
    const formatted = formatOnce(relative, text);
    if (formatted === text) return text;
    text = formatted;
  }
  throw new Error(`biome format did not settle for ${relative}`);
}

function formatOnce(relative: string, content: string): string {
  const biome = resolve(root, "node_modules/.bin/biome");
  const result = spawnSync(biome, ["format", `--stdin-file-path=${relative}`], {
    cwd: root,
    input: content,
    encoding: "utf8",
  });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`biome format failed for ${relative}:\n${result.stderr}${result.stdout}`);
  return result.stdout;
}

const check = process.argv.includes("--check");
let drift = 0;
for (const [relative, raw] of outputs) {
  const content = format(relative, raw);
  const path = resolve(root, relative);
  if (check) {
    let current = "";
    try {
      current = readFileSync(path, "utf8");
    } catch {}
    if (current !== content) {
      drift++;
      console.error(`drift: ${relative} differs from what openapi.yaml generates; run \`pnpm generate\``);
    }
  } else {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    console.log(`wrote ${relative}`);
  }
}
if (check) {
  if (drift) process.exit(1);
  console.log("generated code matches openapi.yaml");
}
