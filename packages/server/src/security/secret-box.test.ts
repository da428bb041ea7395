import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSecretBox } from "./secret-box.ts";

describe("secret box", () => {
  const box = createSecretBox(randomBytes(32));

  it("round-trips and never stores the plaintext", () => {
    const sealed = box.seal("sk-live-123", "tenant-a");
    expect(sealed).not.toContain("sk-live-123");
    expect(box.open(sealed, "tenant-a")).toBe("sk-live-123");
  });

  it("refuses a ciphertext moved to another tenant", () => {
    const sealed = box.seal("sk-live-123", "tenant-a");
    expect(() => box.open(sealed, "tenant-b")).toThrow();
  });

  it("refuses a tampered ciphertext", () => {
    const sealed = box.seal("sk-live-123", "tenant-a");
    const tampered = sealed.slice(0, -4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(() => box.open(tampered, "tenant-a")).toThrow();
  });
});
