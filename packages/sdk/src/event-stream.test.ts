import { describe, expect, it } from "vitest";
import { readEventStream } from "./event-stream.ts";

const streamOf = (...chunks: string[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });

const readAll = async (stream: ReadableStream<Uint8Array>) => {
  const events = [];
  for await (const event of readEventStream(stream)) events.push(event);
  return events;
};

describe("readEventStream", () => {
  it.each([
    ["one event", ['event: scan\ndata: {"a":1}\n\n'], [{ event: "scan", data: '{"a":1}' }]],
    [
      "split across chunks mid-line",
      ["event: sc", 'an\ndata: {"a"', ":1}\n", "\n"],
      [{ event: "scan", data: '{"a":1}' }],
    ],
    ["CRLF line ends", ["event: end\r\ndata: x\r\n\r\n"], [{ event: "end", data: "x" }]],
    ["comments and keep-alives are skipped", [": keep-alive\n\n", "data: y\n\n"], [{ event: "message", data: "y" }]],
    ["multi-line data is joined", ["data: a\ndata: b\n\n"], [{ event: "message", data: "a\nb" }]],
    ["an id is kept", ["id: f1\nevent: finding\ndata: {}\n\n"], [{ event: "finding", data: "{}", id: "f1" }]],
    ["a field without a space", ["event:scan\ndata:z\n\n"], [{ event: "scan", data: "z" }]],
    ["an unfinished event at the end is dropped", ["data: a\n\ndata: cut"], [{ event: "message", data: "a" }]],
  ])("%s", async (_name, chunks, expected) => {
    const events = await readAll(streamOf(...chunks));
    expect(events.map(({ id, ...rest }) => (id ? { ...rest, id } : rest))).toEqual(expected);
  });

  it("decodes a multi-byte character split between two chunks", async () => {
    const bytes = new TextEncoder().encode("data: \u20ac\n\n");
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 7));
        controller.enqueue(bytes.slice(7));
        controller.close();
      },
    });
    expect(await readAll(stream)).toEqual([{ event: "message", data: "\u20ac", id: undefined }]);
  });
});
