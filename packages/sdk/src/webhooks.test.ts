import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyWebhook, WebhookVerificationError } from "./webhooks.ts";

const secret = "whsec_test";
const body = JSON.stringify({
  id: "d1",
  type: "scan.completed",
  created_at: "2026-11-23T00:00:00.000Z",
  data: { id: "s1" },
});
const now = 1_800_000_000;
const sign = (t: number, payload = body, key = secret) =>
  `t=${t},v1=${createHmac("sha256", key).update(`${t}.${payload}`).digest("hex")}`;

describe("verifyWebhook", () => {
  it("accepts a fresh, correctly signed delivery and returns the event", async () => {
    await expect(verifyWebhook(body, sign(now - 10), secret, { now })).resolves.toMatchObject({
      id: "d1",
      type: "scan.completed",
    });
  });

  it("accepts any of several v1 signatures (a rotated secret)", async () => {
    const header = `${sign(now, body, "whsec_old")},v1=${sign(now).split("v1=")[1]}`;
    await expect(verifyWebhook(body, header, secret, { now })).resolves.toMatchObject({ id: "d1" });
  });

  it.each([
    ["a changed body", body.replace("s1", "s2"), sign(now), "does not match"],
    ["another secret", body, sign(now, body, "whsec_other"), "does not match"],
    ["a replay older than 300 s", body, sign(now - 301), "tolerance"],
    ["a timestamp from the future", body, sign(now + 301), "tolerance"],
    ["a malformed header", body, "v1=abc", "malformed"],
    ["no header", body, null, "no X-Penaxtra-Signature"],
  ])("rejects %s", async (_case, payload, header, reason) => {
    const error = await verifyWebhook(payload, header, secret, { now }).catch((caught) => caught);
    expect(error).toBeInstanceOf(WebhookVerificationError);
    expect(error.message).toContain(reason);
  });
});
