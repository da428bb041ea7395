#!/usr/bin/env node
// In a checkout, runs the TypeScript CLI in this process through tsx's loader, so signals reach it
// directly and no child outlives a killed parent. A production install (`pnpm deploy --prod`, the
// container image) has no sources and no tsx: it runs the built bundle.
import { existsSync } from "node:fs";

const source = new URL("../src/cli/main.ts", import.meta.url);
if (existsSync(source)) {
  const { register } = await import("tsx/esm/api");
  register();
  await import(source.href);
} else {
  await import(new URL("../dist/cli.js", import.meta.url).href);
}
