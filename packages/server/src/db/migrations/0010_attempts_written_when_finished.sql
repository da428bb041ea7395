-- Attempt rows are now written when the attempt finishes. Rows an older version planned but had not
-- sent when it was upgraded end as errored, so their scans can still close.
UPDATE "scan_attempts" SET "status" = 'errored', "error" = 'interrupted_by_upgrade', "completed_at" = now() WHERE "status" = 'pending';--> statement-breakpoint
ALTER TABLE "scan_attempts" ALTER COLUMN "status" DROP DEFAULT;
