import { frameworks, probes } from "@penaxtra/engine";
import type { App } from "../app-deps.ts";
import { listFrameworksRoute, listProbesRoute } from "../generated/contract.ts";

// The documented fields only: payloads and judge hints stay inside the engine.
const probeCatalogue = {
  data: probes.map((probe) => ({
    id: probe.id,
    title: probe.title,
    category: probe.category,
    description: probe.description,
    severity: probe.severity,
    detectors: probe.detectors,
    risk_refs: probe.risk_refs,
    variant_count: probe.variants.length,
  })),
};
const frameworkCatalogue = { data: frameworks.map((framework) => ({ ...framework, refs: [...framework.refs] })) };

export function registerCatalogueRoutes(app: App) {
  app.openapi(listProbesRoute, (c) => c.json(probeCatalogue, 200));
  app.openapi(listFrameworksRoute, (c) => c.json(frameworkCatalogue, 200));
}
