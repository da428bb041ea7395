import { describe, expect, it } from "vitest";
import { assertAddressAllowed, classifyAddress } from "./address-guard.ts";

describe("classifyAddress", () => {
  it.each([
    ["8.8.8.8", "public"],
    ["2606:4700::1111", "public"],
    ["127.0.0.1", "loopback"],
    ["127.8.9.10", "loopback"],
    ["::1", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["172.32.0.1", "public"],
    ["192.168.1.1", "private"],
    ["100.64.0.1", "private"],
    ["fd12::1", "private"],
    ["169.254.1.1", "link_local"],
    ["fe80::1", "link_local"],
    ["169.254.169.254", "metadata"],
    ["fd00:ec2::254", "metadata"],
    ["::ffff:169.254.169.254", "metadata"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:127.0.0.1", "loopback"],
    ["64:ff9b::10.0.0.1", "private"],
    ["0.0.0.0", "reserved"],
    ["::", "reserved"],
    ["224.0.0.1", "reserved"],
  ] as const)("%s is %s", (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });
});

describe("assertAddressAllowed", () => {
  it("refuses private addresses unless allowed", () => {
    expect(() => assertAddressAllowed("10.0.0.1", { allowPrivate: false })).toThrow(/not allowed/);
    expect(() => assertAddressAllowed("10.0.0.1", { allowPrivate: true })).not.toThrow();
  });
  it("always refuses cloud metadata, even when private targets are allowed", () => {
    expect(() => assertAddressAllowed("169.254.169.254", { allowPrivate: true })).toThrow(/metadata/);
  });
});
