// SSRF guard for target URLs. Checked on every resolved address at connect time (see http-client.ts),
// so a DNS answer that changes between registration and scan cannot reach a forbidden address.
import ipaddr from "ipaddr.js";

export type AddressClass = "public" | "private" | "loopback" | "link_local" | "metadata" | "reserved";

// Instance metadata and host agents of the major clouds: refused always, private targets allowed
// or not. A link-local or private address would be refused anyway without allowPrivate; these
// two public-looking ones (Oracle's metadata, Azure's WireServer) would not.
const METADATA_ADDRESSES = new Set(
  [
    "169.254.169.254", // AWS, GCP, Azure, OpenStack, DigitalOcean, Hetzner, Oracle (v1)
    "169.254.170.2", // AWS ECS task metadata and credentials
    "169.254.170.23", // AWS EKS Pod Identity agent
    "fd00:ec2::254", // AWS metadata over IPv6
    "fd00:ec2::23", // AWS EKS Pod Identity agent over IPv6
    "100.100.100.200", // Alibaba Cloud
    "192.0.0.192", // Oracle Cloud
    "168.63.129.16", // Azure WireServer and host agent
    "169.254.0.23", // Tencent Cloud
    "169.254.42.42", // Scaleway
  ].map((address) => ipaddr.parse(address).toNormalizedString()),
);
export const METADATA_HOSTNAMES = new Set([
  "metadata.google.internal",
  "metadata",
  "instance-data",
  "instance-data.ec2.internal",
]);

// ipaddr.js's range names (a maintained table of the special-purpose registries) to ours; every
// range not named here, other than unicast, is reserved.
const RANGE_CLASSES: Record<string, AddressClass> = {
  unicast: "public",
  loopback: "loopback",
  linkLocal: "link_local",
  private: "private",
  carrierGradeNat: "private",
  uniqueLocal: "private",
};

/**
 * The IPv4 host an IPv6 address reaches through a transition mechanism, and whether that
 * mechanism may be used to reach a public host (NAT64 may; 6to4 and Teredo are deprecated relays).
 */
function embeddedIpv4(address: ipaddr.IPv6): { ipv4: ipaddr.IPv4; publicAllowed: boolean } | null {
  const range = address.range();
  const bytes = address.toByteArray();
  const fromBytes = (offset: number, xor = 0) =>
    new ipaddr.IPv4(bytes.slice(offset, offset + 4).map((byte) => byte ^ xor));
  if (range === "ipv4Mapped" || range === "rfc6145") return { ipv4: fromBytes(12), publicAllowed: true };
  if (range === "rfc6052") return { ipv4: fromBytes(12), publicAllowed: true };
  if (range === "6to4") return { ipv4: fromBytes(2), publicAllowed: false };
  // Teredo: the client's address is the last 32 bits, inverted.
  if (range === "teredo") return { ipv4: fromBytes(12, 0xff), publicAllowed: false };
  return null;
}

export function classifyAddress(address: string): AddressClass {
  if (!ipaddr.isValid(address)) return "reserved";
  const parsed = ipaddr.parse(address);
  if (METADATA_ADDRESSES.has(parsed.toNormalizedString())) return "metadata";
  if (parsed.kind() === "ipv6") {
    const embedded = embeddedIpv4(parsed as ipaddr.IPv6);
    if (embedded) {
      const inner = classifyAddress(embedded.ipv4.toString());
      return inner === "public" && !embedded.publicAllowed ? "reserved" : inner;
    }
  }
  return RANGE_CLASSES[parsed.range()] ?? "reserved";
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
