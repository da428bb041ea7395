-- NOTIFY is not free even with nobody listening: each notifying commit takes the database-wide
-- notification lock, so the notifications of every recorded batch of attempts cost a full scan
-- about 8% of its time (bench scan: ratio 1.35 with them, 1.25 without). Progress (attempts_done)
-- is now read by the event streams on their own every 500 ms; what ends or changes a scan as the
-- API shows it (its row's visible columns, not the lane counter, and its findings) still notifies.
DROP TRIGGER scan_attempts_notify_change ON scan_attempts;
--> statement-breakpoint
DROP TRIGGER scans_notify_change ON scans;
--> statement-breakpoint
CREATE TRIGGER scans_notify_change AFTER UPDATE ON scans
  FOR EACH ROW WHEN (
    (OLD.status, OLD.error, OLD.attempts_total, OLD.attempts_done, OLD.attempts_errored, OLD.findings_count,
     OLD.started_at, OLD.completed_at)
    IS DISTINCT FROM
    (NEW.status, NEW.error, NEW.attempts_total, NEW.attempts_done, NEW.attempts_errored, NEW.findings_count,
     NEW.started_at, NEW.completed_at))
  EXECUTE FUNCTION penaxtra_notify_scan_row();
