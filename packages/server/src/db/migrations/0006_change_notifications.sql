-- Live progress without polling: every write that changes what GET /scans/{id} or
-- GET /rag-runs/{id} answers notifies penaxtra_change with 'scan:<id>' or 'rag_run:<id>', and the
-- API's event streams (live/change-feed.ts) read again. Notifications go out at commit, and a
-- transaction's identical ones are sent once; attempts and tests notify once per statement.
CREATE FUNCTION penaxtra_notify_scan_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('penaxtra_change', 'scan:' || NEW.id::text);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION penaxtra_notify_scans_of_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('penaxtra_change', 'scan:' || scan_id::text)
    FROM (SELECT DISTINCT scan_id FROM changed WHERE scan_id IS NOT NULL) AS scans_changed;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION penaxtra_notify_rag_run_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('penaxtra_change', 'rag_run:' || NEW.id::text);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION penaxtra_notify_rag_runs_of_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('penaxtra_change', 'rag_run:' || rag_run_id::text)
    FROM (SELECT DISTINCT rag_run_id FROM changed) AS runs_changed;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER scans_notify_change AFTER UPDATE ON scans
  FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION penaxtra_notify_scan_row();
--> statement-breakpoint
CREATE TRIGGER scan_attempts_notify_change AFTER INSERT ON scan_attempts
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION penaxtra_notify_scans_of_rows();
--> statement-breakpoint
CREATE TRIGGER findings_notify_insert AFTER INSERT ON findings
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION penaxtra_notify_scans_of_rows();
--> statement-breakpoint
CREATE TRIGGER rag_runs_notify_change AFTER UPDATE ON rag_runs
  FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION penaxtra_notify_rag_run_row();
--> statement-breakpoint
CREATE TRIGGER rag_run_tests_notify_insert AFTER INSERT ON rag_run_tests
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION penaxtra_notify_rag_runs_of_rows();
--> statement-breakpoint
CREATE TRIGGER rag_run_tests_notify_update AFTER UPDATE ON rag_run_tests
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION penaxtra_notify_rag_runs_of_rows();
