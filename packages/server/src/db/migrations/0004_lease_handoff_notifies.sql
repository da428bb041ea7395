-- Slots change hands without waiting for a holder's refresh: a holder granted less than its fair
-- share while another holds more than that asks the others to give back (they ask again at once),
-- and a holder that gives slots back while another wants more tells it. Both notify
-- penaxtra_lease with '<endpoint> <holder>'; workers listen (targets/leased-limiter.ts). A second
-- worker used to wait up to one refresh (200 ms) with its batches idle while the first held everything.
-- It also says whether another holder wants more than it holds (contended): a holder whose demand
-- is falling then gives each slot back as its request ends, instead of at its next refresh.
-- A new name, so that workers of the previous release keep calling penaxtra_lease_slots meanwhile.
CREATE FUNCTION penaxtra_lease_slots_v2(p_endpoint uuid, p_holder text, p_want integer, p_in_use integer, p_capacity integer, p_ttl_ms integer, OUT granted integer, OUT contended boolean)
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_used integer;
  v_wanting integer;
  v_fair integer;
  v_reserved integer;
  v_granted integer;
  v_before integer;
  v_after integer;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('penaxtra_lease:' || p_endpoint::text, 0));
  DELETE FROM endpoint_leases WHERE endpoint_id = p_endpoint AND expires_at < now();
  SELECT coalesce(sum(slots), 0), count(*) FILTER (WHERE wanted > 0) INTO v_used, v_wanting
    FROM endpoint_leases WHERE endpoint_id = p_endpoint AND holder <> p_holder;
  SELECT slots INTO v_before FROM endpoint_leases WHERE endpoint_id = p_endpoint AND holder = p_holder;
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
    v_after := 0;
  ELSE
    v_after := greatest(v_granted, p_in_use);
    INSERT INTO endpoint_leases (endpoint_id, holder, slots, wanted, expires_at)
    VALUES (p_endpoint, p_holder, v_after, p_want, now() + make_interval(secs => p_ttl_ms / 1000.0))
    ON CONFLICT (endpoint_id, holder) DO UPDATE SET slots = excluded.slots, wanted = excluded.wanted, expires_at = excluded.expires_at;
  END IF;
  IF v_fair >= 1 AND v_granted < least(p_want, v_fair) AND EXISTS (
       SELECT 1 FROM endpoint_leases WHERE endpoint_id = p_endpoint AND holder <> p_holder AND slots > v_fair) THEN
    PERFORM pg_notify('penaxtra_lease', p_endpoint::text || ' ' || p_holder);
  ELSIF v_after < coalesce(v_before, 0) AND EXISTS (
       SELECT 1 FROM endpoint_leases WHERE endpoint_id = p_endpoint AND holder <> p_holder AND wanted > slots) THEN
    PERFORM pg_notify('penaxtra_lease', p_endpoint::text || ' ' || p_holder);
  END IF;
  granted := v_granted;
  contended := EXISTS (SELECT 1 FROM endpoint_leases WHERE endpoint_id = p_endpoint AND holder <> p_holder AND wanted > slots);
END;
$function$;
