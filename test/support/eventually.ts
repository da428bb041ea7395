// Reads something until it is as wanted or time is up, for state another process reaches a moment
// later (a worker's first heartbeat, a webhook delivery). Returns the last read either way, so the
// test's own assertion says what was wrong.
export async function eventually<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  ms = 15_000,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
