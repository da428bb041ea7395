// The house drawn from its imports: arrows only point down. `pnpm lint:imports` (part of `pnpm test`)
// fails on any import against these rules. Server layers, top to bottom:
//   entry points   cli/, runtime/, index.ts, app.ts
//   handlers       routes/ (HTTP), jobs/ (worker tasks)
//   HTTP plumbing  http/ (error handler, auth guard, validation, idempotency)
//   resources      scans/, findings/, rag-runs/, endpoints/, ai-assets/, webhooks/, reports/, audit/, exports/, queue/, ... and errors/
//   storage        db/, config, logger, generated/
// White-box tests (*.test.ts beside the code) and testing/ may reach anywhere in their package.
// Black-box tests (test/, bench/, examples/) import only package entry points, as a user would.
const S = "^packages/server/src/";
const TESTS = "\\.test\\.ts$";
// Where the workspace packages' `exports` resolve (through node_modules symlinks): the only files
// under packages/*/src/ that test/, bench/ and examples/ may import.
const ENTRY_POINTS = [
  "^packages/(server|engine|sdk|target-simulator)/src/index\\.ts$",
  "^packages/server/src/testing/index\\.ts$",
];
const RESOURCES = `${S}(ai-assets|audit|auth|catalogue|endpoints|errors|exports|findings|pagination|queue|rag-runs|rate-limit|reports|scans|security|targets|webhooks|db)/`;

module.exports = {
  forbidden: [
    {
      name: "routes-are-mounted-by-the-app",
      comment:
        "Only app.ts registers routes; nothing else may depend on a route module (move shared code into a resource module).",
      severity: "error",
      from: { path: S, pathNot: [`${S}routes/`, `${S}app\\.ts$`, TESTS] },
      to: { path: `${S}routes/` },
    },
    {
      name: "jobs-are-run-by-the-worker",
      comment: "Only the worker start-up registers tasks; routes and resources enqueue through queue/.",
      severity: "error",
      from: { path: S, pathNot: [`${S}(jobs|runtime|testing)/`, TESTS] },
      to: { path: `${S}jobs/` },
    },
    {
      name: "entry-points-are-not-imported",
      severity: "error",
      from: { path: S, pathNot: [`${S}(runtime|cli|testing)/`, `${S}index\\.ts$`, TESTS] },
      to: { path: `${S}(runtime|cli)/` },
    },
    {
      name: "resources-know-nothing-of-http",
      comment: "Resource modules throw ApiError (errors/); turning it into a response is http/'s job.",
      severity: "error",
      from: { path: RESOURCES, pathNot: TESTS },
      to: { path: `${S}(http|routes|jobs|runtime|cli|testing)/` },
    },
    {
      name: "storage-is-the-floor",
      comment:
        "db/ (tables, migrations, named statements), generated/, config and logger import nothing of the server above them.",
      severity: "error",
      from: { path: `${S}(db/|generated/|config\\.ts$|logger\\.ts$)`, pathNot: TESTS },
      to: { path: S, pathNot: `${S}(db/|generated/|config\\.ts$|logger\\.ts$)` },
    },
    {
      name: "engine-is-a-library",
      comment: "The engine runs inside the server and the SDK's users' code: it imports no other package of ours.",
      severity: "error",
      from: { path: "^packages/engine/", pathNot: TESTS },
      to: { path: "^packages/(server|sdk|target-simulator)/" },
    },
    {
      name: "sdk-stands-alone",
      severity: "error",
      from: { path: "^packages/sdk/src/" },
      to: { path: "^packages/(server|engine|target-simulator)/" },
    },
    {
      name: "tests-use-entry-points",
      comment:
        "test/, bench/ and examples/ are black-box: import @penaxtra/server, @penaxtra/server/testing, @penaxtra/engine, " +
        "@penaxtra/sdk or @penaxtra/target-simulator, never a file inside a package. White-box tests go beside the code; " +
        "anything only tests need is exported from @penaxtra/server/testing.",
      severity: "error",
      from: { path: "^(test|bench|examples)/" },
      to: { path: "^packages/[^/]+/src/", pathNot: ENTRY_POINTS },
    },
    {
      name: "tests-import-packages-by-name",
      comment: "Reach a package through its name (`@penaxtra/...`), not a relative path into packages/.",
      severity: "error",
      from: { path: "^(test|bench|examples)/" },
      to: { path: "^packages/", dependencyTypes: ["local"] },
    },
    {
      name: "no-circular",
      severity: "error",
      from: { path: "^packages/", pathNot: TESTS },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)node_modules/|/generated/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.base.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "default"],
      extensions: [".ts", ".js"],
    },
  },
};
