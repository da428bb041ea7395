import { OpenAPIHono } from "@hono/zod-openapi";
import * as c from "./generated/contract.ts";
const app = new OpenAPIHono();
for (const [k, v] of Object.entries(c)) if (k.endsWith("Route")) app.openapi(v as any, (ctx: any) => ctx.json({}));
const doc = app.getOpenAPI31Document({ openapi: "3.1.0", info: { title: "x", version: "1" } });
console.log(JSON.stringify(doc, null, 1));
