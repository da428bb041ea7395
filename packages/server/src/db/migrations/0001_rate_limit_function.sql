-- Takes one token from a bucket atomically; the row lock serialises every server process.
CREATE OR REPLACE FUNCTION penaxtra_take_token(bucket_key text, capacity double precision, refill_per_second double precision)
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
