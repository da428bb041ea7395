// Outbound HTTP for targets. node:http's `lookup` hook runs the SSRF guard on the very address
// the socket connects to, which closes the DNS-rebinding gap of check-then-fetch.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { assertAddressAllowed, assertHostnameAllowed, type GuardPolicy } from "./address-guard.ts";

export interface TargetRequest {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  signal?: AbortSignal;
  maxResponseBytes?: number;
}

export interface TargetResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export class TargetTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`target did not answer within ${timeoutMs} ms`);
    this.name = "TargetTimeoutError";
  }
}

function guardedLookup(policy: GuardPolicy) {
  // biome-ignore lint/suspicious/noExplicitAny: matches node's LookupFunction callback, whose arity varies with `all`.
  return (hostname: string, options: object, callback: (...args: any[]) => void) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error);
      try {
        for (const { address } of addresses) assertAddressAllowed(address, policy);
      } catch (guardError) {
        return callback(guardError);
      }
      if ((options as { all?: boolean }).all) return callback(null, addresses);
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
}

/** Checks a URL before any request: scheme, metadata hostnames and literal addresses. */
export function assertUrlAllowed(rawUrl: string, policy: GuardPolicy): URL {
  const url = new URL(rawUrl);
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new TypeError(`unsupported scheme ${url.protocol}`);
  assertHostnameAllowed(url.hostname);
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(literal)) assertAddressAllowed(literal, policy);
  return url;
}

// Keep-alive pools, one per (scheme, policy). A pooled socket skips the lookup hook, so sockets
// must never be shared between policies: a connection opened for an operator's private judge
// (private addresses allowed) must not be reused by a tenant's target request to the same host:port.
const agents = new Map<string, http.Agent>();
function agentFor(protocol: string, policy: GuardPolicy): http.Agent {
  const key = `${protocol}${policy.allowPrivate ? "private" : "public"}`;
  let agent = agents.get(key);
  if (!agent) {
    const options = { keepAlive: true, keepAliveMsecs: 1000, maxFreeSockets: 64, timeout: 60_000 };
    agent = protocol === "https:" ? new https.Agent(options) : new http.Agent(options);
    agents.set(key, agent);
  }
  return agent;
}

export function requestTarget(request: TargetRequest, policy: GuardPolicy): Promise<TargetResponse> {
  const url = assertUrlAllowed(request.url, policy);
  const maxBytes = request.maxResponseBytes ?? 4 * 1024 * 1024;
  const transport = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const outgoing = transport.request(
      url,
      {
        method: request.method ?? "POST",
        headers: request.headers,
        lookup: guardedLookup(policy) as never,
        agent: agentFor(url.protocol, policy),
        signal: request.signal,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        let size = 0;
        incoming.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            outgoing.destroy(new Error(`target response exceeds ${maxBytes} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        incoming.on("end", () =>
          resolve({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        incoming.on("error", reject);
      },
    );
    // A deadline for the whole exchange, not only for silence: a target that trickles a byte at a
    // time must not hold a request (and its concurrency slot) open for ever.
    const deadline = setTimeout(() => outgoing.destroy(new TargetTimeoutError(request.timeoutMs)), request.timeoutMs);
    outgoing.on("close", () => clearTimeout(deadline));
    outgoing.on("error", reject);
    outgoing.end(request.body);
  });
}
