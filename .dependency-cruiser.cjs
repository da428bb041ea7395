// The house drawn from its imports: arrows only point down. `pnpm lint:imports` (part of `pnpm test`)
// fails on any import against these rules. Server layers, top to bottom:
//   entry points   cli/, runtime/, index.ts, app.ts
//   handlers       routes/ (HTTP), jobs/ (worker tasks)
//   HTTP plumbing  http/ (error handler, auth guard, validation, idempotency)
//   resources      scans/, findings/, rag-runs/, ai-assets/, reports/, exports/, queue/, ... and errors/
//   storage        db/, config, logger, generated/
// White-box tests (*.test.ts beside the code) and testing/ may reach anywhere in their package.
const S = "^packages/server/src/";
const TESTS = "\\.test\\.ts$";
const RESOURCES = `${S}(ai-assets|audit|auth|errors|exports|findings|pagination|queue|rag-runs|rate-limit|reports|scans|security|targets|db)/`;

module.exports = {
  forbidden: [
    {
      name: "routes-are-mounted-by-the-app",
      comment: "Only app.ts registers routes; nothing else may depend on a route module (move shared code into a resource module).",
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
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "default"], extensions: [".ts", ".js"] },
  },
};
