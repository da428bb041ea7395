CREATE TABLE "endpoint_leases" (
	"endpoint_id" uuid NOT NULL,
	"holder" text NOT NULL,
	"slots" integer NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "endpoint_leases_endpoint_id_holder_pk" PRIMARY KEY("endpoint_id","holder")
);
--> statement-breakpoint
CREATE TABLE "scan_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"scan_id" uuid NOT NULL,
	"batch" integer NOT NULL,
	"probe_id" text NOT NULL,
	"variant_index" integer NOT NULL,
	"canary" text NOT NULL,
	"prompt" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"response" text,
	"error" text,
	"http_status" integer,
	"latency_ms" integer,
	"requests" integer DEFAULT 0 NOT NULL,
	"verdict" text,
	"confidence" real,
	"votes" jsonb,
	"completed_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "worker_heartbeats" (
	"worker_id" text PRIMARY KEY NOT NULL,
	"seen_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "scans" ADD COLUMN "attempts_errored" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "scan_attempts" ADD CONSTRAINT "scan_attempts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scan_attempts" ADD CONSTRAINT "scan_attempts_scan_id_scans_id_fk" FOREIGN KEY ("scan_id") REFERENCES "public"."scans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "scan_attempts_variant_idx" ON "scan_attempts" USING btree ("scan_id","probe_id","variant_index");--> statement-breakpoint
CREATE INDEX "scan_attempts_batch_idx" ON "scan_attempts" USING btree ("scan_id","batch","status");--> statement-breakpoint
CREATE UNIQUE INDEX "findings_scan_probe_idx" ON "findings" USING btree ("scan_id","probe_id") WHERE scan_id is not null;