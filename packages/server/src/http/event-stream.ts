// A Server-Sent Events response that follows one row: `read()` says what to send now (and whether
// that was the last of it), and is called again when the change feed says the row changed, at most
// every MIN_INTERVAL_MS, and every PERIODIC_READ_MS in any case: progress (a scan's attempts) is
// read that way, since notifying every recorded attempt would slow every scan, watched or not; and
// a missed notification, or none at all, costs half a second, never the end of the stream. Idle
// streams get a comment line every KEEPALIVE_MS so that proxies keep them open. A read that fails (the database went away) ends
// the stream; the client reconnects and gets the usual 503 until the database is back.
import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import type { Logger } from "pino";
import type postgres from "postgres";
import { changeFeedOf, type FollowedKind } from "../live/change-feed.ts";

export interface StreamedEvent {
  event: string;
  /** The SSE id: a finding's id, so a client can tell repeats after a reconnect. */
  id?: string;
  data: unknown;
}

export interface FollowedRow {
  /** What the change feed calls it: the stream reads again when this row changes. */
  kind: FollowedKind;
  id: string;
  read(): Promise<StreamedRead>;
  /** The first read, done by the route before the stream opens, so that a 404 is still JSON. */
  first: StreamedRead;
}

export interface StreamedRead {
  events: StreamedEvent[];
  done: boolean;
}

const MIN_INTERVAL_MS = 100;
const PERIODIC_READ_MS = 500;
const KEEPALIVE_MS = 15_000;

export function eventStream(c: Context, deps: { pg: postgres.Sql; log: Logger }, row: FollowedRow): Response {
  const feed = changeFeedOf(deps.pg);
  return streamSSE(
    c,
    async (stream) => {
      let changed = false;
      let pending: StreamedRead | null = row.first;
      let ended = false;
      let wake = () => {};
      const unfollow = feed.follow(
        row.kind,
        row.id,
        () => {
          changed = true;
          wake();
        },
        () => {
          ended = true;
          wake();
        },
      );
      stream.onAbort(() => {
        ended = true;
        wake();
      });
      let lastWrite = Date.now();
      try {
        while (!ended) {
          if (pending || changed) {
            changed = false;
            const { events, done } = pending ?? (await row.read());
            pending = null;
            for (const event of events)
              await stream.writeSSE({ event: event.event, id: event.id, data: JSON.stringify(event.data) });
            if (events.length) lastWrite = Date.now();
            if (done) return;
            await stream.sleep(MIN_INTERVAL_MS);
            continue;
          }
          if (Date.now() - lastWrite >= KEEPALIVE_MS) {
            await stream.write(": keep-alive\n\n");
            lastWrite = Date.now();
          }
          await new Promise<void>((resolve) => {
            const timer = setTimeout(() => {
              changed = true;
              resolve();
            }, PERIODIC_READ_MS);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
        }
      } finally {
        unfollow();
      }
    },
    async (error) => {
      deps.log.warn({ err: error }, "event stream ended by an error");
    },
  );
}
