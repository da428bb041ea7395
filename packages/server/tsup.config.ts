// The production build: one ESM bundle of the CLI (API, worker and every command) with the engine
// and the SDK inside it (workspace packages whose exports point at TypeScript sources); npm
// dependencies stay external and come from the production install. Files the code reads beside
// itself (migrations, console assets, the judge model) are copied next to the bundle, where
// `new URL("./...", import.meta.url)` finds them.
import { cpSync } from "node:fs";
import { defineConfig } from "tsup";

export default defineConfig({
  entry: { cli: "src/cli/main.ts" },
  format: "esm",
  target: "node22",
  platform: "node",
  outDir: "dist",
  clean: true,
  splitting: false,
  sourcemap: true,
  noExternal: ["@penaxtra/engine", "@penaxtra/sdk"],
  onSuccess: async () => {
    cpSync("src/db/migrations", "dist/migrations", { recursive: true });
    cpSync("src/console/assets", "dist/assets", { recursive: true });
    cpSync("../engine/src/judges/learned/offline-judge-model.json", "dist/offline-judge-model.json");
  },
});
