// SSRF guard for target URLs. Checked on every resolved address at connect time (see http-client.ts),
// so a DNS answer that changes between registration and scan cannot reach a forbidden address.
import { BlockList, isIP } from "node:net";

export type AddressClass = "public" | "private" | "loopback" | "link_local" | "metadata" | "reserved";

const METADATA_ADDRESSES = new Set(["169.254.169.254", "169.254.170.2", "100.100.100.200", "fd00:ec2::254"]);
export const METADATA_HOSTNAMES = new Set([
  "metadata.google.internal",
  "metadata",
  "instance-data",
  "instance-data.ec2.internal",
]);

function list(entries: Array<[string, number, "ipv4" | "ipv6"]>): BlockList {
  const blockList = new BlockList();
  for (const [network, prefix, family] of entries) blockList.addSubnet(network, prefix, family);
  return blockList;
}

const loopback = list([
  ["127.0.0.0", 8, "ipv4"],
  ["::1", 128, "ipv6"],
]);
const linkLocal = list([
  ["169.254.0.0", 16, "ipv4"],
  ["fe80::", 10, "ipv6"],
]);
const privateRanges = list([
  ["10.0.0.0", 8, "ipv4"],
  ["172.16.0.0", 12, "ipv4"],
  ["192.168.0.0", 16, "ipv4"],
  ["100.64.0.0", 10, "ipv4"], // carrier-grade NAT
  ["fc00::", 7, "ipv6"],
]);
const reserved = list([
  ["0.0.0.0", 8, "ipv4"], // "this network": 0.0.0.0 reaches the local host on Linux
  ["224.0.0.0", 4, "ipv4"],
  ["240.0.0.0", 4, "ipv4"],
  ["::", 128, "ipv6"],
  ["ff00::", 8, "ipv6"],
]);

/** Embedded IPv4 of ::ffff:a.b.c.d and NAT64 64:ff9b::a.b.c.d, which reach that IPv4 host. */
function embeddedIpv4(address: string): string | null {
  const lower = address.toLowerCase();
  const dotted = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1]!;
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex) {
    const high = parseInt(hex[1]!, 16);
    const low = parseInt(hex[2]!, 16);
    return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
  }
  return null;
}

export function classifyAddress(address: string): AddressClass {
  const mapped = embeddedIpv4(address);
  if (mapped) return classifyAddress(mapped);
  const family = isIP(address) === 6 ? "ipv6" : "ipv4";
  if (METADATA_ADDRESSES.has(address.toLowerCase())) return "metadata";
  if (reserved.check(address, family)) return "reserved";
  if (loopback.check(address, family)) return "loopback";
  if (linkLocal.check(address, family)) return "link_local";
  if (privateRanges.check(address, family)) return "private";
  return "public";
}

export interface GuardPolicy {
  /** Private, loopback and link-local targets; cloud metadata and reserved addresses stay refused. */
  allowPrivate: boolean;
}

export class TargetNotAllowedError extends Error {
  constructor(
    readonly address: string,
    readonly addressClass: AddressClass | "hostname",
  ) {
    super(`target address ${address} is not allowed (${addressClass})`);
    this.name = "TargetNotAllowedError";
  }
}

export function assertAddressAllowed(address: string, policy: GuardPolicy): void {
  const addressClass = classifyAddress(address);
  if (addressClass === "public") return;
  if (addressClass === "metadata" || addressClass === "reserved")
    throw new TargetNotAllowedError(address, addressClass);
  if (!policy.allowPrivate) throw new TargetNotAllowedError(address, addressClass);
}

export function assertHostnameAllowed(hostname: string): void {
  const bare = hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "");
  if (METADATA_HOSTNAMES.has(bare)) throw new TargetNotAllowedError(bare, "hostname");
}
