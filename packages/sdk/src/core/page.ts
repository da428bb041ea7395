// Lists: `await list()` is the first page (manual paging with `hasNextPage` / `getNextPage`), and
// `for await (const item of list())` walks every item, fetching each next page only when needed.
import { ApiPromise, type ApiResponse } from "./api-promise.ts";

/** One page of a list, and the way to the next one. */
export class Page<T> {
  /** The items of this page. */
  readonly data: T[];
  /** The cursor of the next page; null on the last page (and for lists that have a single page). */
  readonly nextCursor: string | null;
  /** The raw answer this page came from. */
  readonly response: Response;
  /** The server's `X-Request-Id` for this page. */
  readonly requestId: string | null;
  private readonly fetchPage: (cursor: string) => PagePromise<T>;

  constructor(
    answer: ApiResponse<{ data: T[]; next_cursor?: string | null }>,
    fetchPage: (cursor: string) => PagePromise<T>,
  ) {
    this.data = answer.data.data;
    this.nextCursor = answer.data.next_cursor ?? null;
    this.response = answer.response;
    this.requestId = answer.requestId;
    this.fetchPage = fetchPage;
  }

  /** Whether another page follows this one. */
  hasNextPage(): boolean {
    return this.nextCursor !== null;
  }

  /** The page after this one; throws a RangeError on the last page (check `hasNextPage()` first). */
  getNextPage(): PagePromise<T> {
    if (this.nextCursor === null) throw new RangeError("this is the last page");
    return this.fetchPage(this.nextCursor);
  }
}

/** A list call: a Promise of its first page that is also an async iterator over every item. */
export class PagePromise<T> extends ApiPromise<Page<T>> implements AsyncIterable<T> {
  /** Every item of every page, in order; a page is fetched only when the one before is used up. */
  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    let page: Page<T> = await this;
    for (;;) {
      yield* page.data;
      if (!page.hasNextPage()) return;
      page = await page.getNextPage();
    }
  }
}
