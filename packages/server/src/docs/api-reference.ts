// /docs: the API reference, rendered by Scalar's standalone bundle from the pinned npm package and
// served by this server, so it works offline and behind a strict CSP. The page loads nothing from
// another origin (its Content-Security-Policy says so), and Scalar's AI agent, MCP, developer
// toolbar and client-app buttons are off: a security team's API docs call out to no one.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Hono } from "hono";

const CONFIGURATION = {
  url: "/api/v2/openapi.json",
  withDefaultFonts: false,
  hideClientButton: true,
  showDeveloperTools: "never",
  agent: { disabled: true },
  mcp: { disabled: true },
  telemetry: false,
  hideDarkModeToggle: false,
  theme: "default",
  metaData: { title: "Penaxtra API" },
};

export const DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  // Scalar sets styles from script; they are this page's own.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Penaxtra API</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><div id="app"></div>
<script src="/docs/scalar.js"></script>
<script src="/docs/init.js"></script>
</body></html>
`;
const INIT = `Scalar.createApiReference("#app", ${JSON.stringify(CONFIGURATION)});\n`;

let bundle: string | null = null;
/** Read on first use: 4.7 MB that a server whose docs nobody opens need not hold. */
function scalarBundle(): string {
  if (bundle === null) {
    const entry = createRequire(import.meta.url).resolve("@scalar/api-reference");
    bundle = readFileSync(join(dirname(entry), "browser", "standalone.js"), "utf8");
  }
  return bundle;
}

export function registerApiReference(app: Pick<Hono, "get">): void {
  const headers = { "content-security-policy": DOCS_CSP, "x-content-type-options": "nosniff" };
  app.get("/docs", (c) => c.body(PAGE, 200, { ...headers, "content-type": "text/html; charset=utf-8" }));
  app.get("/docs/init.js", (c) => c.body(INIT, 200, { ...headers, "content-type": "text/javascript; charset=utf-8" }));
  app.get("/docs/scalar.js", (c) =>
    c.body(scalarBundle(), 200, {
      ...headers,
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "public, max-age=86400",
    }),
  );
}
