// An ai-asset's `schedule`: a 5-field crontab spec in UTC, checked by graphile-worker's own parser.
import { parseCronItem, type TimestampDigest } from "graphile-worker";

/** A message saying what is wrong with a crontab spec, or null when graphile-worker accepts it. */
export function scheduleProblem(schedule: string): string | null {
  try {
    parseCronItem({ task: "rag_run", match: schedule });
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

export function scheduleMatches(schedule: string, at: Date): boolean {
  const digest: TimestampDigest = {
    min: at.getUTCMinutes(),
    hour: at.getUTCHours(),
    date: at.getUTCDate(),
    month: at.getUTCMonth() + 1,
    dow: at.getUTCDay(),
  };
  try {
    return parseCronItem({ task: "rag_run", match: schedule }).match(digest);
  } catch {
    return false;
  }
}
