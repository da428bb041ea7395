#!/usr/bin/env node
// Runs the TypeScript CLI in this process through tsx's loader, so signals reach it directly
// and no child outlives a killed parent.
import { register } from "tsx/esm/api";

register();
await import(new URL("../src/cli/main.ts", import.meta.url).href);
