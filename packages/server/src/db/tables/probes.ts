// Tenants' own probes (POST /api/v2/probes): the definition as checked (the engine's Probe), per
// tenant and id. Scans keep a copy of the definitions they send (scans.custom_probes).
import type { Probe } from "@penaxtra/engine";
import { jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { createdAt, tenantId } from "./tenants.ts";

export const customProbes = pgTable(
  "custom_probes",
  {
    tenantId: tenantId(),
    probeId: text("probe_id").notNull(),
    definition: jsonb("definition").$type<Probe>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.probeId] })],
);
