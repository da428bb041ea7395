// Server-Sent Events read from a fetch body (the WHATWG format: `event:`, `data:`, `id:` fields, a
// blank line ends an event, lines starting with ':' are comments). EventSource is not used: it
// cannot send the Authorization header, and it does not exist in Node.

/** One server-sent event. */
export interface ServerSentEvent {
  /** Its `event:` field (`message` when there is none). */
  event: string;
  /** Its `data:` lines, joined by newlines. */
  data: string;
  /** Its `id:` field, when it has one. */
  id?: string;
}

/** The events of a text/event-stream body, as they arrive. */
export async function* readEventStream(body: ReadableStream<Uint8Array>): AsyncGenerator<ServerSentEvent> {
  const decoder = new TextDecoder();
  const reader = body.getReader();
  let buffer = "";
  let event = { event: "message", data: [] as string[], id: undefined as string | undefined };
  try {
    for (;;) {
      const { value, done } = await reader.read();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      const lines = buffer.split(/\r\n|\r|\n/);
      // The last piece may be a line cut in two: keep it for the next chunk (all of it at the end).
      buffer = done ? "" : lines.pop()!;
      for (const line of lines) {
        if (line === "") {
          if (event.data.length) yield { event: event.event, data: event.data.join("\n"), id: event.id };
          event = { event: "message", data: [], id: event.id };
          continue;
        }
        if (line.startsWith(":")) continue;
        const colon = line.indexOf(":");
        const field = colon === -1 ? line : line.slice(0, colon);
        const value = colon === -1 ? "" : line.slice(colon + 1).replace(/^ /, "");
        if (field === "event") event.event = value;
        else if (field === "data") event.data.push(value);
        else if (field === "id") event.id = value;
      }
      if (done) return;
    }
  } finally {
    reader.releaseLock();
    await body.cancel().catch(() => {});
  }
}
