// The API from the page: the token (kept in session storage only), JSON requests to /api/v2, and
// the event streams that keep a page live while a scan or a RAG run is running.

export const TOKEN_KEY = "penaxtra.token";

// What draws the page for the current hash: app.js's render, handed over at start-up so that no
// module has to import app.js back.
let renderer = () => {};

/** Sets what render() calls (app.js, once, before the first render). */
export function setRenderer(draw) {
  renderer = draw;
}

/** Draws the page again for the current hash. */
export function render() {
  return renderer();
}

export class ApiError extends Error {
  constructor(status, body) {
    super(`${status} ${body?.error ?? ""}`.trim());
    this.status = status;
    this.body = body;
  }
}

export async function api(path, options = {}) {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const response = await fetch(`/api/v2${path}`, {
    method: options.method ?? "GET",
    headers: {
      authorization: `Bearer ${token}`,
      ...(options.body ? { "content-type": "application/json" } : {}),
    },
    body: options.body ? JSON.stringify(options.body) : undefined,
  });
  const body = response.status === 204 ? null : await response.json().catch(() => null);
  // A token that stopped working (revoked, expired) signs the tab out.
  if (response.status === 401 && !options.signingIn) {
    sessionStorage.removeItem(TOKEN_KEY);
    render();
  }
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

let refreshTimer = null;

// Streams of this render: every render (a new hash, a refresh) closes those of the one before.
let streams = new AbortController();

/** What a render does first: the previous render's pending re-read and its streams end. */
export function stopFollowing() {
  clearTimeout(refreshTimer);
  streams.abort();
  streams = new AbortController();
}

/** Follows a stream; where none can be had, the page reads itself again every second instead. */
export function followOrReread(path, onEvent) {
  followEvents(path, onEvent).catch(() => {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(render, 1000);
  });
}

/**
 * Reads a Server-Sent Events stream of the API with fetch (EventSource cannot send the token) and
 * hands each event's name and parsed data to `onEvent`, until the stream ends or the page moves on
 * (then it returns quietly); rejects when the stream cannot be had.
 */
async function followEvents(path, onEvent) {
  const { signal } = streams;
  let name = "message";
  let data = [];
  try {
    const response = await fetch(`/api/v2${path}`, {
      headers: { authorization: `Bearer ${sessionStorage.getItem(TOKEN_KEY)}` },
      signal,
    });
    if (!response.ok || !response.body) throw new ApiError(response.status, null);
    const lines = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let pending = "";
    for (;;) {
      const { value, done } = await lines.read();
      if (done) return;
      const parts = (pending + value).split(/\r\n|\r|\n/);
      pending = parts.pop();
      for (const line of parts) {
        if (line === "" && data.length) onEvent(name, JSON.parse(data.join("\n")));
        if (line === "") [name, data] = ["message", []];
        else if (line.startsWith("event:")) name = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
      }
    }
  } catch (error) {
    if (!signal.aborted) throw error;
  }
}
