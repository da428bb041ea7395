-- Sets this holder's share of an endpoint's concurrency to what it wants, limited by what other
-- live holders leave free, and returns the share granted. Expired leases (crashed holders) free up.
-- A transaction-scoped advisory lock per endpoint serialises the read-then-write.
CREATE OR REPLACE FUNCTION penaxtra_lease_slots(p_endpoint uuid, p_holder text, p_want integer, p_capacity integer, p_ttl_ms integer)
RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
  v_used integer;
  v_granted integer;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('penaxtra_lease:' || p_endpoint::text, 0));
  DELETE FROM endpoint_leases WHERE endpoint_id = p_endpoint AND expires_at < now();
  SELECT coalesce(sum(slots), 0) INTO v_used FROM endpoint_leases WHERE endpoint_id = p_endpoint AND holder <> p_holder;
  v_granted := greatest(0, least(p_want, p_capacity - v_used));
  IF v_granted = 0 THEN
    DELETE FROM endpoint_leases WHERE endpoint_id = p_endpoint AND holder = p_holder;
  ELSE
    INSERT INTO endpoint_leases (endpoint_id, holder, slots, expires_at)
    VALUES (p_endpoint, p_holder, v_granted, now() + make_interval(secs => p_ttl_ms / 1000.0))
    ON CONFLICT (endpoint_id, holder) DO UPDATE SET slots = excluded.slots, expires_at = excluded.expires_at;
  END IF;
  RETURN v_granted;
END;
$$;
