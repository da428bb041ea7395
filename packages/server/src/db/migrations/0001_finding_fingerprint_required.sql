-- Every writer has set a fingerprint since the baseline; a development database from before it gets one here.
UPDATE "findings" SET "fingerprint" = penaxtra_finding_fingerprint(coalesce("endpoint_id"::text, 'rag:' || "ai_asset_id"), "probe_id") WHERE "fingerprint" IS NULL;--> statement-breakpoint
ALTER TABLE "findings" ALTER COLUMN "fingerprint" SET NOT NULL;
