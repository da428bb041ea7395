-- Authentication writes only bookkeeping: the token's rate-limit bucket and its last_used_at. The
-- request's commit need not wait for those to reach disk (about 0.8 ms on every API call): a
-- Postgres crash can only lose the newest of them, which costs a few requests over the limit or a
-- stale last-used time. It is called as a statement of its own (guard-operation.ts), so the setting
-- covers nothing else; anything the request itself writes commits durably as before.
CREATE OR REPLACE FUNCTION penaxtra_authenticate(hash text, capacity double precision, refill_per_second double precision)
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
