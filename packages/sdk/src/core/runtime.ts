// Facts about where the SDK runs, read when a client is made (never at import).

/** An environment variable, where there are any (not in browsers). */
export const env = (name: string): string | undefined =>
  typeof process !== "undefined" ? process.env?.[name] : undefined;

/** True in a web page (not in Node, Bun, Deno or a worker without a document). */
export function inBrowser(): boolean {
  const global = globalThis as { window?: { document?: unknown }; navigator?: unknown };
  return typeof global.window?.document !== "undefined" && typeof global.navigator !== "undefined";
}

/** Refuses to put an API key in a web page, where anyone who opens it can read the key. */
export function assertNotInBrowser(allowed: boolean | undefined): void {
  if (inBrowser() && !allowed)
    throw new TypeError(
      "the Penaxtra SDK refuses to run in a browser: the API key would be visible to anyone who opens the page. " +
        "Call the API from a server; if the key is meant to be public (a read-only key in an internal tool), pass dangerouslyAllowBrowser: true",
    );
}
