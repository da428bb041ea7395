// Token buckets kept in Postgres (function penaxtra_take_token, db/schema.sql), so limits hold
// across every server process sharing the database.
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
