-- Tenants' own probes (POST /api/v2/probes); a scan keeps the definitions it sends.
CREATE TABLE "custom_probes" (
	"tenant_id" uuid NOT NULL,
	"probe_id" text NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "custom_probes_tenant_id_probe_id_pk" PRIMARY KEY("tenant_id","probe_id")
);
--> statement-breakpoint
ALTER TABLE "scans" ADD COLUMN "custom_probes" jsonb;--> statement-breakpoint
ALTER TABLE "custom_probes" ADD CONSTRAINT "custom_probes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;