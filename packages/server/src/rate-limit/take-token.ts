// Token buckets and sliding windows kept in Postgres (functions penaxtra_take_token and
// penaxtra_take_window, db/schema.sql), so limits hold across every server process sharing the database.
import type postgres from "postgres";
import { rateLimited } from "../errors/api-error.ts";

export interface BucketResult {
  allowed: boolean;
  remaining: number;
  retryAfterSeconds: number;
}

export interface Bucket {
  key: string;
  capacity: number;
  refillPerSecond: number;
}

export async function takeToken(pg: postgres.Sql, bucket: Bucket): Promise<BucketResult> {
  const [row] = await pg<{ allowed: boolean; remaining: number; retry_after_seconds: number }[]>`
    select * from penaxtra_take_token(${bucket.key}, ${bucket.capacity}, ${bucket.refillPerSecond})`;
  return { allowed: row!.allowed, remaining: row!.remaining, retryAfterSeconds: row!.retry_after_seconds };
}

/** Throws the documented 429 when the bucket is empty. */
export async function requireToken(pg: postgres.Sql, bucket: Bucket): Promise<BucketResult> {
  const result = await takeToken(pg, bucket);
  if (!result.allowed) throw rateLimited(result.retryAfterSeconds);
  return result;
}

/** The sliding windows of the documented creation caps, in seconds. */
export const CREATION_WINDOW_SECONDS = { scans: 60, ragRuns: 3600 } as const;

export interface Window {
  key: string;
  /** At most this many takes ... */
  limit: number;
  /** ... in any window of this many seconds. */
  windowSeconds: number;
}

/**
 * Takes one from a sliding window (function penaxtra_take_window): the documented creation caps
 * ("six in any 60 seconds") count takes, where a bucket would refill continuously and let a ninth
 * through within 34 s. Throws the documented 429, retry_after_seconds being when the next fits.
 */
export async function requireWindow(pg: postgres.Sql, window: Window): Promise<void> {
  const [row] = await pg<{ allowed: boolean; retry_after_seconds: number }[]>`
    select * from penaxtra_take_window(${window.key}, ${window.limit}, ${window.windowSeconds})`;
  if (!row!.allowed) throw rateLimited(row!.retry_after_seconds);
}
