// The few API calls the scan benchmarks make, over fetch on loopback.
export interface BenchScan {
  id: string;
  status: string;
  created_at: string;
  started_at: string | null;
  completed_at: string;
  error: string | null;
  attempts_total: number;
  attempts_errored: number;
  findings_count: number;
}

const TERMINAL = new Set(["completed", "failed", "cancelled"]);

export class BenchApi {
  private readonly headers: Record<string, string>;
  constructor(
    private readonly base: string,
    token: string,
  ) {
    this.headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  }

  async createEndpoint(name: string, url: string, concurrency: number): Promise<{ id: string }> {
    return this.call("POST", "/endpoints", {
      name,
      url,
      wire_format: "chat_completions_v1",
      model: "sim",
      limits: { concurrency, requests_per_minute: 100_000, timeout_ms: 10_000, max_retries: 0 },
    });
  }

  /** `strategies`: applied to every variant (each adds one attempt per variant). */
  async startScan(endpointId: string, strategies: readonly string[] = []): Promise<string> {
    const accepted = await this.call<{ scan_id: string }>("POST", "/scans", {
      endpoint_id: endpointId,
      ...(strategies.length ? { strategies } : {}),
    });
    return accepted.scan_id;
  }

  /**
   * Waits for the scan to end, reading it every `pollMs`: as often as a dashboard would poll, so the
   * measurement adds no load of its own. Wall time comes from the scan's own timestamps, not from this.
   */
  async finished(scanId: string, pollMs = 250): Promise<BenchScan> {
    for (;;) {
      const scan = await this.call<BenchScan>("GET", `/scans/${scanId}`);
      if (TERMINAL.has(scan.status)) {
        if (scan.status !== "completed") throw new Error(`scan ended ${scan.status}: ${scan.error}`);
        return scan;
      }
      await new Promise((done) => setTimeout(done, pollMs));
    }
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: this.headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const parsed = await response.json();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(parsed)}`);
    return parsed as T;
  }
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
export const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;
