-- Baseline: the whole schema in one migration (migrations 0000-0018 squashed before anything was
-- deployed). First what drizzle-kit generates from schema.ts, then the SQL it cannot: the functions
-- and the trigger below. src/db/schema.sql shows the resulting database, one definition per object.
-- Columns keep the order the squashed chain gave them (columns added later come last), so a
-- database built from this file is the same as one built by the old chain.
CREATE TABLE "ai_assets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"config" jsonb NOT NULL,
	"auth_secret_encrypted" text,
	"schedule" text,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"scopes" text[] NOT NULL,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tenant_id" uuid,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"action" text NOT NULL,
	"target_kind" text,
	"target_id" text,
	"result" text NOT NULL,
	"token_id" uuid,
	"request_id" text,
	"method" text,
	"path" text,
	"status" integer,
	"duration_ms" double precision,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "endpoint_leases" (
	"endpoint_id" uuid NOT NULL,
	"holder" text NOT NULL,
	"slots" integer NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"wanted" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "endpoint_leases_endpoint_id_holder_pk" PRIMARY KEY("endpoint_id","holder")
);
--> statement-breakpoint
CREATE TABLE "endpoints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"wire_format" text NOT NULL,
	"model" text,
	"auth_header" text,
	"auth_secret_encrypted" text,
	"http_template" jsonb,
	"limits" jsonb NOT NULL,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "finding_refs" (
	"tenant_id" uuid NOT NULL,
	"ref" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"finding_id" uuid NOT NULL,
	CONSTRAINT "finding_refs_tenant_id_ref_created_at_finding_id_pk" PRIMARY KEY("tenant_id","ref","created_at","finding_id")
);
--> statement-breakpoint
CREATE TABLE "findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"scan_id" uuid,
	"rag_run_id" uuid,
	"endpoint_id" uuid,
	"ai_asset_id" uuid,
	"probe_id" text NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"severity" text NOT NULL,
	"status" text NOT NULL,
	"verdict" text NOT NULL,
	"confidence" real NOT NULL,
	"risk_refs" text[] DEFAULT '{}' NOT NULL,
	"evidence" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"scan_attempt_id" uuid,
	"fingerprint" text,
	"lifecycle" text DEFAULT 'new' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"tenant_id" uuid NOT NULL,
	"operation" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"response_status" integer,
	"response_body" jsonb,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_tenant_id_operation_key_pk" PRIMARY KEY("tenant_id","operation","key")
);
--> statement-breakpoint
CREATE TABLE "judge_votes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"finding_id" uuid NOT NULL,
	"judge" text NOT NULL,
	"kind" text NOT NULL,
	"verdict" text NOT NULL,
	"confidence" real NOT NULL,
	"rationale" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rag_planted_documents" (
	"rag_run_id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"namespace" text NOT NULL,
	"document_ids" text[] NOT NULL,
	"removed_at" timestamp with time zone,
	CONSTRAINT "rag_planted_documents_rag_run_id_namespace_pk" PRIMARY KEY("rag_run_id","namespace")
);
--> statement-breakpoint
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
CREATE TABLE "rag_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"ai_asset_id" uuid NOT NULL,
	"trigger" text NOT NULL,
	"status" text NOT NULL,
	"tests_run" integer DEFAULT 0 NOT NULL,
	"tests_passed" integer DEFAULT 0 NOT NULL,
	"tests_failed" integer DEFAULT 0 NOT NULL,
	"tests_skipped" integer DEFAULT 0 NOT NULL,
	"error" text,
	"started_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"duration_ms" integer,
	"scheduled_for" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "rate_limit_buckets" (
	"key" text PRIMARY KEY NOT NULL,
	"tokens" double precision NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"title" text NOT NULL,
	"frameworks" text[] NOT NULL,
	"severities" text[],
	"scope" jsonb NOT NULL,
	"schema_version" text NOT NULL,
	"finding_count" integer NOT NULL,
	"document" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
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
	"status" text NOT NULL,
	"response" text,
	"error" text,
	"http_status" integer,
	"latency_ms" integer,
	"requests" integer DEFAULT 0 NOT NULL,
	"verdict" text,
	"confidence" real,
	"votes" jsonb,
	"completed_at" timestamp (3) with time zone,
	"findings_recorded_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "scans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"endpoint_id" uuid NOT NULL,
	"status" text NOT NULL,
	"probe_ids" text[],
	"error" text,
	"attempts_total" integer DEFAULT 0 NOT NULL,
	"attempts_done" integer DEFAULT 0 NOT NULL,
	"findings_count" integer DEFAULT 0 NOT NULL,
	"requested_by_token_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"attempts_errored" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"review_confidence_threshold" real DEFAULT 0.7 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenants_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"webhook_id" uuid NOT NULL,
	"event" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"body" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"response_status" integer,
	"error" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "webhooks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"url" text NOT NULL,
	"events" text[] NOT NULL,
	"description" text,
	"secret_encrypted" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "worker_heartbeats" (
	"worker_id" text PRIMARY KEY NOT NULL,
	"seen_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ai_assets" ADD CONSTRAINT "ai_assets_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endpoints" ADD CONSTRAINT "endpoints_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_refs" ADD CONSTRAINT "finding_refs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_refs" ADD CONSTRAINT "finding_refs_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_scan_id_scans_id_fk" FOREIGN KEY ("scan_id") REFERENCES "public"."scans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_rag_run_id_rag_runs_id_fk" FOREIGN KEY ("rag_run_id") REFERENCES "public"."rag_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_endpoint_id_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."endpoints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_ai_asset_id_ai_assets_id_fk" FOREIGN KEY ("ai_asset_id") REFERENCES "public"."ai_assets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_scan_attempt_id_scan_attempts_id_fk" FOREIGN KEY ("scan_attempt_id") REFERENCES "public"."scan_attempts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judge_votes" ADD CONSTRAINT "judge_votes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judge_votes" ADD CONSTRAINT "judge_votes_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rag_planted_documents" ADD CONSTRAINT "rag_planted_documents_rag_run_id_rag_runs_id_fk" FOREIGN KEY ("rag_run_id") REFERENCES "public"."rag_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rag_planted_documents" ADD CONSTRAINT "rag_planted_documents_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rag_run_tests" ADD CONSTRAINT "rag_run_tests_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rag_run_tests" ADD CONSTRAINT "rag_run_tests_rag_run_id_rag_runs_id_fk" FOREIGN KEY ("rag_run_id") REFERENCES "public"."rag_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rag_runs" ADD CONSTRAINT "rag_runs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rag_runs" ADD CONSTRAINT "rag_runs_ai_asset_id_ai_assets_id_fk" FOREIGN KEY ("ai_asset_id") REFERENCES "public"."ai_assets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scan_attempts" ADD CONSTRAINT "scan_attempts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scan_attempts" ADD CONSTRAINT "scan_attempts_scan_id_scans_id_fk" FOREIGN KEY ("scan_id") REFERENCES "public"."scans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scans" ADD CONSTRAINT "scans_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scans" ADD CONSTRAINT "scans_endpoint_id_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."endpoints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_webhook_id_webhooks_id_fk" FOREIGN KEY ("webhook_id") REFERENCES "public"."webhooks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhooks" ADD CONSTRAINT "webhooks_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ai_assets_tenant_created_idx" ON "ai_assets" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_hash_idx" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "api_tokens_tenant_idx" ON "api_tokens" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "audit_tenant_at_idx" ON "audit_events" USING btree ("tenant_id","at","id");--> statement-breakpoint
CREATE INDEX "audit_tenant_action_idx" ON "audit_events" USING btree ("tenant_id","action","at","id");--> statement-breakpoint
CREATE INDEX "endpoints_tenant_created_idx" ON "endpoints" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "finding_refs_finding_idx" ON "finding_refs" USING btree ("finding_id");--> statement-breakpoint
CREATE INDEX "findings_tenant_created_idx" ON "findings" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "findings_tenant_severity_idx" ON "findings" USING btree ("tenant_id","severity","created_at","id");--> statement-breakpoint
CREATE INDEX "findings_tenant_status_idx" ON "findings" USING btree ("tenant_id","status","created_at","id");--> statement-breakpoint
CREATE INDEX "findings_tenant_scan_idx" ON "findings" USING btree ("tenant_id","scan_id","created_at","id");--> statement-breakpoint
CREATE INDEX "findings_tenant_endpoint_idx" ON "findings" USING btree ("tenant_id","endpoint_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "findings_scan_probe_idx" ON "findings" USING btree ("scan_id","probe_id") WHERE scan_id is not null;--> statement-breakpoint
CREATE INDEX "findings_tenant_fingerprint_idx" ON "findings" USING btree ("tenant_id","fingerprint","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "findings_rag_run_test_idx" ON "findings" USING btree ("rag_run_id","probe_id") WHERE rag_run_id is not null;--> statement-breakpoint
CREATE INDEX "judge_votes_finding_idx" ON "judge_votes" USING btree ("finding_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rag_run_tests_run_test_idx" ON "rag_run_tests" USING btree ("rag_run_id","test_id");--> statement-breakpoint
CREATE INDEX "rag_runs_tenant_started_idx" ON "rag_runs" USING btree ("tenant_id","started_at","id");--> statement-breakpoint
CREATE INDEX "rag_runs_asset_idx" ON "rag_runs" USING btree ("tenant_id","ai_asset_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "rag_runs_asset_schedule_idx" ON "rag_runs" USING btree ("ai_asset_id","scheduled_for") WHERE scheduled_for is not null;--> statement-breakpoint
CREATE INDEX "reports_tenant_created_idx" ON "reports" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "scan_attempts_variant_idx" ON "scan_attempts" USING btree ("scan_id","probe_id","variant_index");--> statement-breakpoint
CREATE INDEX "scan_attempts_batch_idx" ON "scan_attempts" USING btree ("scan_id","batch","status");--> statement-breakpoint
CREATE INDEX "scans_tenant_created_idx" ON "scans" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "scans_tenant_endpoint_idx" ON "scans" USING btree ("tenant_id","endpoint_id","created_at");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_webhook_idx" ON "webhook_deliveries" USING btree ("webhook_id","created_at");--> statement-breakpoint
CREATE INDEX "webhooks_tenant_created_idx" ON "webhooks" USING btree ("tenant_id","created_at","id");
--> statement-breakpoint
-- Takes one token from a bucket atomically; the row lock serialises every server process.
CREATE FUNCTION penaxtra_take_token(bucket_key text, capacity double precision, refill_per_second double precision)
RETURNS TABLE(allowed boolean, remaining double precision, retry_after_seconds double precision)
LANGUAGE plpgsql AS $$
DECLARE
  available double precision;
BEGIN
  INSERT INTO rate_limit_buckets AS b (key, tokens, updated_at)
  VALUES (bucket_key, capacity, clock_timestamp())
  ON CONFLICT (key) DO UPDATE
    SET tokens = least(capacity, b.tokens + extract(epoch FROM clock_timestamp() - b.updated_at) * refill_per_second),
        updated_at = clock_timestamp()
  RETURNING b.tokens INTO available;
  IF available >= 1 THEN
    UPDATE rate_limit_buckets SET tokens = available - 1 WHERE key = bucket_key;
    RETURN QUERY SELECT true, available - 1, 0::double precision;
  ELSE
    RETURN QUERY SELECT false, available, (1 - available) / refill_per_second;
  END IF;
END;
$$;
--> statement-breakpoint
-- Authenticates a token hash and, only for a live token, records when it was last used (at most
-- once a minute, so a busy token does not turn every request into a write of its row) and takes one
-- token from its rate-limit bucket: one round trip per request instead of two.
-- It writes only bookkeeping: the bucket and last_used_at. The request's commit need not wait for
-- those to reach disk (about 0.8 ms on every API call): a Postgres crash can only lose the newest of
-- them, which costs a few requests over the limit or a stale last-used time. It is called as a
-- statement of its own (guard-operation.ts), so the setting covers nothing else; anything the
-- request itself writes commits durably as before.
CREATE FUNCTION penaxtra_authenticate(hash text, capacity double precision, refill_per_second double precision)
RETURNS TABLE(token_id uuid, tenant_id uuid, tenant_slug text, scopes text[], expires_at timestamptz, revoked_at timestamptz,
              allowed boolean, remaining double precision, retry_after_seconds double precision)
LANGUAGE plpgsql AS $$
DECLARE
  token_row record;
  bucket record;
BEGIN
  PERFORM set_config('synchronous_commit', 'off', true);
  SELECT k.id, k.tenant_id, n.slug, k.scopes, k.expires_at, k.revoked_at INTO token_row
  FROM api_tokens k JOIN tenants n ON n.id = k.tenant_id
  WHERE k.token_hash = hash;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  IF token_row.revoked_at IS NOT NULL OR (token_row.expires_at IS NOT NULL AND token_row.expires_at <= now()) THEN
    RETURN QUERY SELECT token_row.id, token_row.tenant_id, token_row.slug, token_row.scopes, token_row.expires_at, token_row.revoked_at, NULL::boolean, NULL::double precision, NULL::double precision;
    RETURN;
  END IF;
  UPDATE api_tokens SET last_used_at = now()
  WHERE id = token_row.id AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute');
  SELECT * INTO bucket FROM penaxtra_take_token('token:' || token_row.id, capacity, refill_per_second);
  RETURN QUERY SELECT token_row.id, token_row.tenant_id, token_row.slug, token_row.scopes, token_row.expires_at, token_row.revoked_at, bucket.allowed, bucket.remaining, bucket.retry_after_seconds;
END;
$$;
--> statement-breakpoint
-- Fair shares of an endpoint's concurrency. A holder asks for `p_want` slots; it is granted what the
-- other live holders leave free, but never more than leaves each of them a fair share of what they
-- want (capacity split evenly among holders that want any, at least one slot each), so a busy holder
-- cannot starve another.
-- The stored share never drops below `p_in_use`: slots still in flight are not handed to others.
-- Expired leases (crashed holders) free up. A per-endpoint advisory lock serialises the update.
CREATE FUNCTION penaxtra_lease_slots(p_endpoint uuid, p_holder text, p_want integer, p_in_use integer, p_capacity integer, p_ttl_ms integer)
RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
  v_used integer;
  v_wanting integer;
  v_fair integer;
  v_reserved integer;
  v_granted integer;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('penaxtra_lease:' || p_endpoint::text, 0));
  DELETE FROM endpoint_leases WHERE endpoint_id = p_endpoint AND expires_at < now();
  SELECT coalesce(sum(slots), 0), count(*) FILTER (WHERE wanted > 0) INTO v_used, v_wanting
    FROM endpoint_leases WHERE endpoint_id = p_endpoint AND holder <> p_holder;
  v_fair := greatest(1, p_capacity / (v_wanting + 1));
  SELECT coalesce(sum(least(wanted, v_fair)), 0) INTO v_reserved
    FROM endpoint_leases WHERE endpoint_id = p_endpoint AND holder <> p_holder;
  v_granted := greatest(0, least(p_want, p_capacity - v_used, p_capacity - v_reserved));
  IF p_want = 0 AND p_in_use = 0 THEN
    DELETE FROM endpoint_leases WHERE endpoint_id = p_endpoint AND holder = p_holder;
  ELSE
    INSERT INTO endpoint_leases (endpoint_id, holder, slots, wanted, expires_at)
    VALUES (p_endpoint, p_holder, greatest(v_granted, p_in_use), p_want, now() + make_interval(secs => p_ttl_ms / 1000.0))
    ON CONFLICT (endpoint_id, holder) DO UPDATE SET slots = excluded.slots, wanted = excluded.wanted, expires_at = excluded.expires_at;
  END IF;
  RETURN v_granted;
END;
$$;
--> statement-breakpoint
-- One definition of a fingerprint, used wherever findings are written: the endpoint (or, for RAG,
-- "rag:" and the ai-asset) and the probe (or RAG test).
CREATE FUNCTION penaxtra_finding_fingerprint(p_subject text, p_probe text) RETURNS text
LANGUAGE sql IMMUTABLE
AS $$ SELECT left(encode(sha256(convert_to('penaxtra/v1:' || p_subject || ':' || p_probe, 'UTF8')), 'hex'), 32) $$;
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
--> statement-breakpoint
-- Webhook deliveries are written in the transaction that records the event, by a trigger on the
-- audit events the pipeline already writes (scan.completed, findings.created, rag_run.completed):
-- an event is never delivered without having happened, nor lost after it happened. Each delivery
-- gets a webhook_deliver job (graphile-worker), which sends and retries it.
CREATE FUNCTION penaxtra_webhook_fanout() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
  v_delivery uuid;
BEGIN
  FOR v_delivery IN
    WITH events AS (
      SELECT 'scan.completed'::text AS event, NEW.target_id::uuid AS subject_id WHERE NEW.action = 'scan.completed'
      UNION ALL
      SELECT 'rag_run.completed', NEW.target_id::uuid WHERE NEW.action = 'rag_run.completed'
      UNION ALL
      SELECT 'finding.created', f.id::uuid
      FROM jsonb_array_elements_text(CASE WHEN NEW.action = 'findings.created' THEN coalesce(NEW.details -> 'finding_ids', '[]'::jsonb) ELSE '[]'::jsonb END) AS f(id)
    )
    INSERT INTO webhook_deliveries (tenant_id, webhook_id, event, subject_id)
    SELECT NEW.tenant_id, w.id, e.event, e.subject_id
    FROM events e JOIN webhooks w ON w.tenant_id = NEW.tenant_id AND w.deleted_at IS NULL AND e.event = ANY (w.events)
    RETURNING id
  LOOP
    PERFORM graphile_worker.add_job('webhook_deliver', json_build_object('delivery_id', v_delivery), job_key => 'webhook:' || v_delivery, max_attempts => 8);
  END LOOP;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_webhook_fanout AFTER INSERT ON audit_events
FOR EACH ROW WHEN (NEW.action IN ('scan.completed', 'findings.created', 'rag_run.completed'))
EXECUTE FUNCTION penaxtra_webhook_fanout();
