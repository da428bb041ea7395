import { frameworks, probes } from "@penaxtra/engine";
import type { App } from "../app.ts";
import { listFrameworksRoute, listProbesRoute } from "../generated/contract.ts";

const probeCatalogue = {
  data: probes.map(({ variants, ...probe }) => ({ ...probe, variant_count: variants.length })),
};
const frameworkCatalogue = { data: frameworks.map((framework) => ({ ...framework, refs: [...framework.refs] })) };

export function registerCatalogueRoutes(app: App) {
  app.openapi(listProbesRoute, (c) => c.json(probeCatalogue, 200));
  app.openapi(listFrameworksRoute, (c) => c.json(frameworkCatalogue, 200));
}
