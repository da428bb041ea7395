-- Attack strategies, multi-turn and tool-result probes, adaptive search (issue 19): an attempt is now
-- (probe, variant, strategy) and keeps its conversation; endpoints declare the tools their model has.
DROP INDEX "scan_attempts_variant_idx";--> statement-breakpoint
ALTER TABLE "endpoints" ADD COLUMN "tools" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "scan_attempts" ADD COLUMN "strategy" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "scan_attempts" ADD COLUMN "conversation" jsonb;--> statement-breakpoint
ALTER TABLE "scans" ADD COLUMN "strategies" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "scans" ADD COLUMN "adaptive" jsonb;--> statement-breakpoint
CREATE UNIQUE INDEX "scan_attempts_variant_idx" ON "scan_attempts" USING btree ("scan_id","probe_id","variant_index","strategy");