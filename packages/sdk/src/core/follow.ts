// Following a scan or RAG run as it goes: its server-sent event stream (reopened when it drops), and
// `waitFor`, which ends with the final state and reads every `intervalMs` where there is no stream.
import { abortError, ConnectionError, errorFromResponse, PenaxtraError, WaitTimeoutError } from "../errors.ts";
import { readEventStream } from "../event-stream.ts";
import { defaultSleep } from "../retrying-fetch.ts";
import { type ApiClient, type CallOptions, errorBody } from "./api-client.ts";

/** How `waitFor` waits, and what it reports while it does. */
export interface WaitOptions<T = unknown> {
  /** Stops waiting (the call rejects with UserAbortError). */
  signal?: AbortSignal;
  /** Default 1000 ms. */
  intervalMs?: number;
  /** Default 10 minutes. */
  timeoutMs?: number;
  /** Called with every state read while waiting, the final one included: drive a progress bar with it. */
  onProgress?: (current: T) => void;
  /**
   * Follow the server's event stream (default true): each change arrives as it happens. Without it,
   * or when the stream cannot be opened, `waitFor` reads the scan or run every `intervalMs`.
   */
  stream?: boolean;
}

/** The events of one stream, reopened when it drops before `end` (five times in a row at most). */
export async function* followEvents<E extends { event: string; data: unknown }>(
  api: ApiClient,
  path: "/api/v2/scans/{id}/events" | "/api/v2/rag-runs/{id}/events",
  id: string,
  options: CallOptions,
): AsyncGenerator<E, void, undefined> {
  for (let failures = 0; ; ) {
    const { data, error, response } = await api.client.GET(path, {
      params: { path: { id } },
      parseAs: "stream",
      ...api.init(options),
    });
    if (!response.ok) throw errorFromResponse(response, errorBody(error));
    try {
      for await (const event of readEventStream(data as unknown as ReadableStream<Uint8Array>)) {
        failures = 0;
        yield { event: event.event, data: JSON.parse(event.data) } as E;
        if (event.event === "end") return;
      }
    } catch (error) {
      if (options.signal?.aborted) throw abortError(options.signal.reason);
      if (++failures > 5) throw new ConnectionError("the event stream kept dropping", { cause: error });
      api.log.info(`the event stream of ${id} dropped; opening it again`);
    }
    await defaultSleep(Math.min(5000, 100 * 2 ** failures), options.signal).catch((reason) =>
      Promise.reject(abortError(reason)),
    );
  }
}

/** Resolves with the final state: from the event stream when there is one, else by reading every `intervalMs`. */
export async function waitUntilDone<T extends { status: string }>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  options: WaitOptions<T>,
  stream?: (signal: AbortSignal) => AsyncIterable<{ event: string; data: unknown }>,
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 10 * 60_000);
  if (stream && options.stream !== false) {
    const timeout = AbortSignal.timeout(Math.max(0, deadline - Date.now()));
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    let last: T | undefined;
    try {
      for await (const event of stream(signal)) {
        if (event.event === "finding") continue;
        last = event.data as T;
        options.onProgress?.(last);
        if (event.event === "end" || done(last)) return last;
      }
    } catch (error) {
      if (options.signal?.aborted) throw abortError(options.signal.reason);
      if (timeout.aborted) throw new WaitTimeoutError(what, last?.status ?? "unknown");
      // Refused for a reason the polled read will answer too (a missing scan, a revoked token):
      // let it say so; anything else (a server without streams, a proxy that cuts them) polls.
      if (!(error instanceof PenaxtraError) || [401, 403].includes(error.status)) throw error;
    }
  }
  for (;;) {
    const value = await read();
    options.onProgress?.(value);
    if (done(value)) return value;
    if (Date.now() >= deadline) throw new WaitTimeoutError(what, value.status);
    await defaultSleep(options.intervalMs ?? 1000, options.signal).catch((reason) =>
      Promise.reject(abortError(reason)),
    );
  }
}
