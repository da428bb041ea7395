import type { App } from "../app-deps.ts";
import { frameworkCatalogue, probeCatalogue } from "../catalogue/present.ts";
import { listFrameworksRoute, listProbesRoute } from "../generated/contract.ts";

export function registerCatalogueRoutes(app: App) {
  app.openapi(listProbesRoute, (c) => c.json(probeCatalogue, 200));
  app.openapi(listFrameworksRoute, (c) => c.json(frameworkCatalogue, 200));
}
