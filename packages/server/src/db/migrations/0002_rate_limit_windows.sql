CREATE TABLE "rate_limit_windows" (
	"key" text PRIMARY KEY NOT NULL,
	"taken_at" timestamp (3) with time zone[] DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
-- At most p_limit takes in any p_window_seconds: the row is locked, the takes that left the window
-- are dropped, and a take is added only below the cap. retry_after_seconds is when the oldest take
-- that must leave the window for the next one to fit does so. p_at is for tests; callers omit it.
CREATE OR REPLACE FUNCTION penaxtra_take_window(p_key text, p_limit integer, p_window_seconds integer, p_at timestamptz DEFAULT clock_timestamp())
RETURNS TABLE(allowed boolean, remaining integer, retry_after_seconds integer)
LANGUAGE plpgsql AS $$
DECLARE
  v_window interval := make_interval(secs => p_window_seconds);
  v_recent timestamptz[];
  v_count integer;
BEGIN
  INSERT INTO rate_limit_windows (key) VALUES (p_key) ON CONFLICT (key) DO NOTHING;
  SELECT coalesce(array(SELECT t FROM unnest(w.taken_at) AS t WHERE t > p_at - v_window ORDER BY t), '{}')
    INTO v_recent FROM rate_limit_windows w WHERE w.key = p_key FOR UPDATE;
  v_count := coalesce(array_length(v_recent, 1), 0);
  IF v_count < p_limit THEN
    UPDATE rate_limit_windows SET taken_at = v_recent || p_at WHERE key = p_key;
    RETURN QUERY SELECT true, p_limit - v_count - 1, 0;
  ELSE
    UPDATE rate_limit_windows SET taken_at = v_recent WHERE key = p_key;
    RETURN QUERY SELECT false, 0,
      greatest(1, ceil(extract(epoch FROM v_recent[v_count - p_limit + 1] + v_window - p_at)))::integer;
  END IF;
END $$;
