// The SDK's log: what it sends and receives at `debug`, retries at `info`. Never headers or bodies,
// so neither the API key nor the data a scan found ends up in a log.

/** Where log lines go: `console` by default, or pino, winston and the like (same four methods). */
export interface Logger {
  /** Failures the SDK could not recover from. */
  error(message: string, ...details: unknown[]): void;
  /** Misconfiguration (an unknown PENAXTRA_LOG). */
  warn(message: string, ...details: unknown[]): void;
  /** Retries and reopened event streams. */
  info(message: string, ...details: unknown[]): void;
  /** Every attempt and its answer: method, path, status, time, request id. */
  debug(message: string, ...details: unknown[]): void;
}

/** How much the SDK logs: `off`, `error`, `warn` (the default), `info` (retries) or `debug` (every request). */
export type LogLevel = "off" | "error" | "warn" | "info" | "debug";

const RANK: Record<LogLevel, number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };

export const isLogLevel = (value: unknown): value is LogLevel => typeof value === "string" && value in RANK;

/** A logger that drops lines below `level`; PENAXTRA_LOG sets the level when the options do not. */
export function levelledLogger(logger: Logger = console, level?: LogLevel, fromEnv?: string): Logger {
  let threshold = level ?? "warn";
  if (level === undefined && fromEnv !== undefined && fromEnv !== "") {
    if (isLogLevel(fromEnv)) threshold = fromEnv;
    else
      logger.warn(`penaxtra: PENAXTRA_LOG=${fromEnv} is not a log level (off, error, warn, info, debug); using warn`);
  }
  const at =
    (name: Exclude<LogLevel, "off">) =>
    (message: string, ...details: unknown[]) => {
      if (RANK[name] <= RANK[threshold]) logger[name](`penaxtra: ${message}`, ...details);
    };
  return { error: at("error"), warn: at("warn"), info: at("info"), debug: at("debug") };
}
