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
