// openapi-fetch's createClient, the same from the ESM and the CJS build of this SDK. Its CJS file
// exports the function as `exports.default`; the CJS bundle imports CJS the way Node's ESM does
// (default = the whole exports object), so there the function sits one `.default` deeper. Resolved
// per call, not at import: importing the SDK runs no code (package.json says `sideEffects: false`).
import openapiFetchDefault from "openapi-fetch";

type CreateClient = typeof openapiFetchDefault;

/** openapi-fetch's createClient, whichever way the bundle imported it. */
export const createClient: CreateClient = (options) => {
  const loaded = openapiFetchDefault as unknown as CreateClient | { default: CreateClient };
  return (typeof loaded === "function" ? loaded : loaded.default)(options);
};
