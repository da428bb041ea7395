// /console: the web console (assets/), static files served by the API process. Its CSP allows
// nothing but this origin, and no inline script or style: the page shows attacker-controlled text.
import { readdirSync, readFileSync } from "node:fs";
import type { Hono } from "hono";

export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const ASSETS = new URL("./assets/", import.meta.url);
const asset = (name: string) => readFileSync(new URL(name, ASSETS), "utf8");
// The page's script is app.js and the modules it imports: every plain file of assets/ named like
// `sign-in.js`, read once at start-up and served as /console/<name>. Nothing else is ever read.
const MODULES = readdirSync(ASSETS, { withFileTypes: true })
  .filter((entry) => entry.isFile() && /^[a-z0-9-]+\.js$/.test(entry.name))
  .map((entry) => entry.name)
  .sort();
const FILES = {
  "/console": { body: asset("index.html"), type: "text/html; charset=utf-8" },
  ...Object.fromEntries(
    MODULES.map((name) => [`/console/${name}`, { body: asset(name), type: "text/javascript; charset=utf-8" }]),
  ),
  "/console/app.css": { body: asset("app.css"), type: "text/css; charset=utf-8" },
};

export function registerConsole(app: Pick<Hono, "get">): void {
  app.get("/", (c) => c.redirect("/console"));
  for (const [path, file] of Object.entries(FILES))
    app.get(path, (c) =>
      c.body(file.body, 200, {
        "content-type": file.type,
        "content-security-policy": CONSOLE_CSP,
        "x-content-type-options": "nosniff",
        "referrer-policy": "no-referrer",
        "cache-control": "no-cache",
      }),
    );
}
