import { resolve } from "node:path";

// A path means what it meant where the user typed it: ./dev passes that directory on
// (PENAXTRA_CALLER_DIR), and pnpm, which runs scripts inside the package, sets INIT_CWD.
export const userPath = (path: string, env: NodeJS.ProcessEnv = process.env) =>
  resolve(env.PENAXTRA_CALLER_DIR || env.INIT_CWD || process.cwd(), path);
