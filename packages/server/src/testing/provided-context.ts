// The root vitest global setup (test/support/global-setup.ts) provides every test file with the
// URL of a throwaway Postgres; this types `inject("adminDatabaseUrl")` for tests beside the code.
declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}

export {};
