// What every SDK call returns: a Promise of the data that can also give the raw answer
// (`.withResponse()`: the data, the Response and the server's request id), as openai-node's does.

/** The data of a call with the HTTP answer it came from. */
export interface ApiResponse<T> {
  /** What the call resolves to. */
  data: T;
  /** The raw answer (headers, status); its body has already been read. */
  response: Response;
  /** The server's `X-Request-Id`: quote it when reporting a problem. */
  requestId: string | null;
}

/** A Promise of a call's data, with `.withResponse()` for the raw answer and its request id. */
export class ApiPromise<T> extends Promise<T> {
  // `then` and `catch` return plain Promises: they never call this constructor.
  static override get [Symbol.species]() {
    return Promise;
  }

  private readonly result: Promise<ApiResponse<T>>;

  constructor(result: Promise<ApiResponse<T>>) {
    super((resolve, reject) => {
      result.then((answer) => resolve(answer.data), reject);
    });
    this.result = result;
  }

  /** The data together with the raw Response and the server's request id. */
  withResponse(): Promise<ApiResponse<T>> {
    // The caller follows the result here, so a failure of the data-only Promise is not unhandled.
    this.catch(() => {});
    return this.result;
  }
}
