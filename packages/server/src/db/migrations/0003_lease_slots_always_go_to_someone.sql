-- Fair shares only when every wanting holder can have one: with more holders wanting slots than
-- the endpoint has (concurrency 1, two workers), reserving a share of at least one for each other
-- holder left nothing for anyone, and every holder was granted 0 for ever. Now nothing is reserved
-- then, and whoever finds a free slot takes it: the slots always go to someone.
CREATE OR REPLACE FUNCTION penaxtra_lease_slots(p_endpoint uuid, p_holder text, p_want integer, p_in_use integer, p_capacity integer, p_ttl_ms integer)
 RETURNS integer
 LANGUAGE plpgsql
AS $function$
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
  v_fair := p_capacity / (v_wanting + 1);
  IF v_fair >= 1 THEN
    SELECT coalesce(sum(least(wanted, v_fair)), 0) INTO v_reserved
      FROM endpoint_leases WHERE endpoint_id = p_endpoint AND holder <> p_holder;
  ELSE
    v_reserved := 0;
  END IF;
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
$function$;
