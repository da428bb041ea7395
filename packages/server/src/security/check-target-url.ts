// Registration-time SSRF check: scheme, metadata hostnames, and every address the name resolves to.
// The same guard runs again on each connection (engine http-client), so DNS changes cannot bypass it.

import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { assertAddressAllowed, assertUrlAllowed, type GuardPolicy, TargetNotAllowedError } from "@penaxtra/engine";
import { badRequest } from "../errors/api-error.ts";

export async function checkTargetUrl(rawUrl: string, policy: GuardPolicy, field = "url"): Promise<void> {
  let url: URL;
  try {
    url = assertUrlAllowed(rawUrl, policy);
  } catch (error) {
    if (error instanceof TargetNotAllowedError)
      throw badRequest("target_not_allowed", { field, address: error.address, reason: error.addressClass });
    throw badRequest("invalid_url", { field, message: (error as Error).message });
  }
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host)) return;
  let addresses: Array<{ address: string }>;
  try {
    addresses = await lookup(host, { all: true });
  } catch {
    throw badRequest("target_unresolvable", { field, host });
  }
  for (const { address } of addresses) {
    try {
      assertAddressAllowed(address, policy);
    } catch (error) {
      const refused = error as TargetNotAllowedError;
      throw badRequest("target_not_allowed", { field, address: refused.address, reason: refused.addressClass });
    }
  }
}
