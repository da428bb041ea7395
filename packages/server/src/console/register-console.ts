// /console: the web console (assets/), static files served by the API process. Its CSP allows
// nothing but this origin, and no inline script or style: the page shows attacker-controlled text.
import { readFileSync } from "node:fs";
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

const asset = (name: string) => readFileSync(new URL(`./assets/${name}`, import.meta.url), "utf8");
const FILES = {
  "/console": { body: asset("index.html"), type: "text/html; charset=utf-8" },
  "/console/app.js": { body: asset("app.js"), type: "text/javascript; charset=utf-8" },
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
