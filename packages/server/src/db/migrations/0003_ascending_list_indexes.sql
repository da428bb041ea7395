DROP INDEX "ai_assets_tenant_created_idx";--> statement-breakpoint
DROP INDEX "audit_tenant_at_idx";--> statement-breakpoint
DROP INDEX "audit_tenant_action_idx";--> statement-breakpoint
DROP INDEX "endpoints_tenant_created_idx";--> statement-breakpoint
DROP INDEX "findings_tenant_created_idx";--> statement-breakpoint
DROP INDEX "findings_tenant_severity_idx";--> statement-breakpoint
DROP INDEX "findings_tenant_status_idx";--> statement-breakpoint
DROP INDEX "findings_tenant_scan_idx";--> statement-breakpoint
DROP INDEX "findings_tenant_endpoint_idx";--> statement-breakpoint
DROP INDEX "rag_runs_tenant_started_idx";--> statement-breakpoint
DROP INDEX "rag_runs_asset_idx";--> statement-breakpoint
DROP INDEX "scans_tenant_created_idx";--> statement-breakpoint
DROP INDEX "scans_tenant_endpoint_idx";--> statement-breakpoint
CREATE INDEX "ai_assets_tenant_created_idx" ON "ai_assets" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "audit_tenant_at_idx" ON "audit_events" USING btree ("tenant_id","at","id");--> statement-breakpoint
CREATE INDEX "audit_tenant_action_idx" ON "audit_events" USING btree ("tenant_id","action","at","id");--> statement-breakpoint
CREATE INDEX "endpoints_tenant_created_idx" ON "endpoints" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "findings_tenant_created_idx" ON "findings" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "findings_tenant_severity_idx" ON "findings" USING btree ("tenant_id","severity","created_at","id");--> statement-breakpoint
CREATE INDEX "findings_tenant_status_idx" ON "findings" USING btree ("tenant_id","status","created_at","id");--> statement-breakpoint
CREATE INDEX "findings_tenant_scan_idx" ON "findings" USING btree ("tenant_id","scan_id","created_at","id");--> statement-breakpoint
CREATE INDEX "findings_tenant_endpoint_idx" ON "findings" USING btree ("tenant_id","endpoint_id","created_at","id");--> statement-breakpoint
CREATE INDEX "rag_runs_tenant_started_idx" ON "rag_runs" USING btree ("tenant_id","started_at","id");--> statement-breakpoint
CREATE INDEX "rag_runs_asset_idx" ON "rag_runs" USING btree ("tenant_id","ai_asset_id","started_at");--> statement-breakpoint
CREATE INDEX "scans_tenant_created_idx" ON "scans" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "scans_tenant_endpoint_idx" ON "scans" USING btree ("tenant_id","endpoint_id","created_at");