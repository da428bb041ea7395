// openapi-fetch's createClient, the same from the ESM and the CJS build of this SDK. Its CJS file
// exports the function as `exports.default`; the CJS bundle imports CJS the way Node's ESM does
// (default = the whole exports object), so there the function sits one `.default` deeper.
import openapiFetchDefault from "openapi-fetch";

type CreateClient = typeof openapiFetchDefault;
const loaded = openapiFetchDefault as unknown as CreateClient | { default: CreateClient };
export const createClient: CreateClient = typeof loaded === "function" ? loaded : loaded.default;
