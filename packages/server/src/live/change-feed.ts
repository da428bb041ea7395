// Who in this process follows which scan or RAG run, woken by Postgres: triggers notify
// penaxtra_change with 'scan:<id>' or 'rag_run:<id>' whenever what the API shows of it may have
// changed (migration 0006). One LISTEN connection per pool, shared by every stream; closing the
// feed (shutdown) ends every stream that follows something.
import type postgres from "postgres";

export type FollowedKind = "scan" | "rag_run";
const CHANNEL = "penaxtra_change";

interface Follower {
  onChange(): void;
  onClose(): void;
}

export class ChangeFeed {
  private readonly followers = new Map<string, Set<Follower>>();
  private listening: Promise<unknown> | null = null;

  constructor(private readonly pg: postgres.Sql) {}

  /**
   * Calls `onChange` whenever the row may have changed and `onClose` if the feed closes. Returns
   * the function that stops following. Without notifications (LISTEN failed) nothing calls
   * `onChange`: followers read again on their own every few seconds as well.
   */
  follow(kind: FollowedKind, id: string, onChange: () => void, onClose: () => void): () => void {
    this.listen();
    const key = `${kind}:${id}`;
    const follower = { onChange, onClose };
    const set = this.followers.get(key) ?? new Set<Follower>();
    this.followers.set(key, set);
    set.add(follower);
    return () => {
      set.delete(follower);
      if (!set.size) this.followers.delete(key);
    };
  }

  private listen(): void {
    this.listening ??= this.pg
      .listen(CHANNEL, (payload) => {
        for (const follower of this.followers.get(payload) ?? []) follower.onChange();
      })
      .catch(() => {
        this.listening = null;
      });
  }

  /** Ends every stream following something here, and stops listening. */
  async close(): Promise<void> {
    for (const set of this.followers.values()) for (const follower of set) follower.onClose();
    this.followers.clear();
    const listening = this.listening as Promise<{ unlisten(): Promise<void> } | undefined> | null;
    this.listening = null;
    await listening?.then((listener) => listener?.unlisten()).catch(() => {});
  }
}

const feeds = new WeakMap<postgres.Sql, ChangeFeed>();

/** The feed of this pool (one per process and database). */
export function changeFeedOf(pg: postgres.Sql): ChangeFeed {
  const feed = feeds.get(pg) ?? new ChangeFeed(pg);
  feeds.set(pg, feed);
  return feed;
}

/** Ends the streams of this pool's feed: called when the API stops taking requests. */
export async function closeChangeFeed(pg: postgres.Sql): Promise<void> {
  await feeds.get(pg)?.close();
  feeds.delete(pg);
}
