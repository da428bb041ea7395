// This SDK's version (package.json's; a test keeps them equal) and the runtime it runs on, for the
// User-Agent the server logs: `penaxtra-sdk/0.1.0 (node/22.23.3)`.
/** This SDK's version. */
export const SDK_VERSION = "0.1.0";

/** The User-Agent this SDK sends: `penaxtra-sdk/<version> (<runtime>/<version>)`. */
export function userAgent(): string {
  const global = globalThis as {
    Bun?: { version: string };
    Deno?: { version: { deno: string } };
    process?: { versions?: { node?: string } };
  };
  const runtime = global.Bun
    ? `bun/${global.Bun.version}`
    : global.Deno
      ? `deno/${global.Deno.version.deno}`
      : global.process?.versions?.node
        ? `node/${global.process.versions.node}`
        : "browser";
  return `penaxtra-sdk/${SDK_VERSION} (${runtime})`;
}
