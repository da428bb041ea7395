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
    // Cloud metadata and host agents that look public or merely link-local.
    ["192.0.0.192", "metadata"],
    ["168.63.129.16", "metadata"],
    ["169.254.170.23", "metadata"],
    ["fd00:ec2::23", "metadata"],
    ["FD00:EC2:0::23", "metadata"],
    ["100.100.100.200", "metadata"],
    // Special-purpose ranges that are not the public internet.
    ["198.18.0.1", "reserved"],
    ["198.19.255.254", "reserved"],
    ["192.0.0.8", "reserved"],
    ["192.0.2.1", "reserved"],
    ["255.255.255.255", "reserved"],
    // IPv4 embedded in IPv6 is classed as the IPv4 host it reaches.
    ["2002:7f00:1::", "loopback"],
    ["2002:a9fe:a9fe::1", "metadata"],
    ["2002:0808:0808::1", "reserved"],
    ["64:ff9b::a9fe:a9fe", "metadata"],
    ["64:ff9b::8.8.8.8", "public"],
    ["64:ff9b:1::a00:1", "private"],
    ["64:ff9b:1::7f00:1", "loopback"],
    ["2001:0:4136:e378:8000:63bf:80ff:fffe", "loopback"],
    ["2001:0:4136:e378:8000:63bf:f7f7:f7f7", "reserved"],
    ["::ffff:c000:c0", "metadata"],
    ["not-an-address", "reserved"],
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

describe("the always-refused list", () => {
  it.each(["192.0.0.192", "168.63.129.16", "169.254.170.23", "fd00:ec2::23", "2002:a9fe:a9fe::"])(
    "refuses %s even when private targets are allowed",
    (address) => {
      expect(() => assertAddressAllowed(address, { allowPrivate: true })).toThrow(/not allowed/);
    },
  );

  it.each(["2002:a00:1::", "64:ff9b:1::a00:1", "198.18.0.1", "192.0.0.1"])(
    "refuses %s when private targets are not allowed",
    (address) => {
      expect(() => assertAddressAllowed(address, { allowPrivate: false })).toThrow(/not allowed/);
    },
  );
});
