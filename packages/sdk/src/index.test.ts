import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPenaxtraClient } from "./index.ts";

const server = setupServer(
  http.post("http://penaxtra.test/api/v2/scans", async ({ request }) => {
    if (request.headers.get("authorization") !== "Bearer pxt_test")
      return HttpResponse.json({ error: "invalid_token" }, { status: 401 });
    const body = (await request.json()) as { endpoint_id: string };
    return HttpResponse.json(
      {
        accepted: true,
        scan_id: "7f1c2c1e-0000-4000-8000-000000000001",
        endpoint_id: body.endpoint_id,
        probe_count: null,
        poll: "/api/v2/scans/x",
      },
      { status: 202 },
    );
  }),
);
beforeAll(() => server.listen());
afterAll(() => server.close());

describe("createPenaxtraClient", () => {
  it("sends the API key and returns typed data", async () => {
    const client = createPenaxtraClient({ baseUrl: "http://penaxtra.test", apiKey: "pxt_test" });
    const { data, error, response } = await client.POST("/api/v2/scans", {
      body: { endpoint_id: "3b2e5f0e-0000-4000-8000-000000000002" },
    });
    expect(response.status).toBe(202);
    expect(error).toBeUndefined();
    expect(data?.endpoint_id).toBe("3b2e5f0e-0000-4000-8000-000000000002");
  });

  it("returns the documented error body", async () => {
    const client = createPenaxtraClient({ baseUrl: "http://penaxtra.test", apiKey: "wrong" });
    const { error, response } = await client.POST("/api/v2/scans", {
      body: { endpoint_id: "3b2e5f0e-0000-4000-8000-000000000002" },
    });
    expect(response.status).toBe(401);
    expect(error).toEqual({ error: "invalid_token" });
  });
});
