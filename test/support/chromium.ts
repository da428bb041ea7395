// Headless Chromium for the browser tests (Debian's chromium, driven by playwright-core), and pages
// that may only reach one origin: every other request is refused before it leaves and listed.
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";

const CHROMIUM = process.env.PENAXTRA_CHROMIUM ?? "/usr/bin/chromium";
/** Screenshots and rendered pages kept for people to look at (git-ignored; CI may upload it). */
export const ARTEFACTS = fileURLToPath(new URL("../../test-artefacts/", import.meta.url));

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync"],
  });
}

export interface OfflinePage {
  page: Page;
  /** Every URL the page asked for. */
  requested: string[];
  /** Those refused: anything not on the origin (or a prefix in `alsoAllow`). */
  leaving: string[];
  /** Uncaught errors of the page's scripts. */
  errors: string[];
}

export async function offlinePage(
  browser: Browser,
  origin: string,
  options: { viewport: { width: number; height: number }; alsoAllow?: string[] },
): Promise<OfflinePage> {
  const page = await browser.newPage({ viewport: options.viewport });
  const requested: string[] = [];
  const leaving: string[] = [];
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  const allowed = [origin, ...(options.alsoAllow ?? [])];
  await page.route("**/*", (route) => {
    const url = route.request().url();
    requested.push(url);
    if (allowed.some((prefix) => url.startsWith(prefix))) return route.continue();
    leaving.push(url);
    return route.abort();
  });
  return { page, requested, leaving, errors };
}
