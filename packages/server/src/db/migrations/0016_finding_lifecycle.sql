ALTER TABLE "findings" ADD COLUMN "fingerprint" text;--> statement-breakpoint
ALTER TABLE "findings" ADD COLUMN "lifecycle" text DEFAULT 'new' NOT NULL;--> statement-breakpoint
CREATE INDEX "findings_tenant_fingerprint_idx" ON "findings" USING btree ("tenant_id","fingerprint","created_at");--> statement-breakpoint
-- One definition of a fingerprint, used wherever findings are written: the endpoint (or, for RAG,
-- "rag:" and the ai-asset) and the probe (or RAG test).
CREATE FUNCTION penaxtra_finding_fingerprint(p_subject text, p_probe text) RETURNS text
LANGUAGE sql IMMUTABLE
AS $$ SELECT left(encode(sha256(convert_to('penaxtra/v1:' || p_subject || ':' || p_probe, 'UTF8')), 'hex'), 32) $$;
--> statement-breakpoint
UPDATE "findings" SET "fingerprint" = penaxtra_finding_fingerprint("endpoint_id"::text, "probe_id") WHERE "scan_id" IS NOT NULL AND "endpoint_id" IS NOT NULL;
--> statement-breakpoint
UPDATE "findings" SET "fingerprint" = penaxtra_finding_fingerprint('rag:' || "ai_asset_id"::text, "probe_id") WHERE "rag_run_id" IS NOT NULL AND "ai_asset_id" IS NOT NULL;
--> statement-breakpoint
-- A new finding's lifecycle, from the latest earlier finding with its fingerprint: none -> new,
-- one that was fixed -> regressed, otherwise recurring.
CREATE FUNCTION penaxtra_finding_lifecycle(p_tenant uuid, p_fingerprint text) RETURNS text
LANGUAGE sql STABLE
AS $$
  SELECT coalesce((
    SELECT CASE WHEN prev.lifecycle = 'fixed' OR prev.status = 'fixed' THEN 'regressed' ELSE 'recurring' END
    FROM findings prev WHERE prev.tenant_id = p_tenant AND prev.fingerprint = p_fingerprint
    ORDER BY prev.created_at DESC LIMIT 1), 'new')
$$;
