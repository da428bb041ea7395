CREATE TABLE "rag_run_tests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"rag_run_id" uuid NOT NULL,
	"test_id" text NOT NULL,
	"suite" text NOT NULL,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"stopped_by" text,
	"severity" text NOT NULL,
	"reason" text NOT NULL,
	"evidence" jsonb NOT NULL,
	"duration_ms" integer NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "rag_runs" ADD COLUMN "scheduled_for" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "rag_run_tests" ADD CONSTRAINT "rag_run_tests_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rag_run_tests" ADD CONSTRAINT "rag_run_tests_rag_run_id_rag_runs_id_fk" FOREIGN KEY ("rag_run_id") REFERENCES "public"."rag_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "rag_run_tests_run_test_idx" ON "rag_run_tests" USING btree ("rag_run_id","test_id");--> statement-breakpoint
CREATE UNIQUE INDEX "findings_rag_run_test_idx" ON "findings" USING btree ("rag_run_id","probe_id") WHERE rag_run_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "rag_runs_asset_schedule_idx" ON "rag_runs" USING btree ("ai_asset_id","scheduled_for") WHERE scheduled_for is not null;