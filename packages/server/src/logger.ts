// One logger for the server and the CLI. Times are ISO 8601. On a terminal the lines are
// pretty-printed for people (pino-pretty, in this process: no worker thread); anywhere else (a
// container, a file, a log shipper) they are one JSON object per line. LOG_FORMAT=json|pretty
// overrides the guess.
import pino, { type Logger } from "pino";
import pretty from "pino-pretty";

export type LogFormat = "json" | "pretty";

export function logFormat(env: NodeJS.ProcessEnv = process.env, terminal = Boolean(process.stdout.isTTY)): LogFormat {
  if (env.LOG_FORMAT === "json" || env.LOG_FORMAT === "pretty") return env.LOG_FORMAT;
  if (env.LOG_FORMAT) throw new Error(`LOG_FORMAT must be json or pretty, got "${env.LOG_FORMAT}"`);
  return terminal ? "pretty" : "json";
}

export function createLogger(
  level = process.env.LOG_LEVEL ?? "info",
  format: LogFormat = logFormat(),
  /** A file descriptor (1 stdout, 2 stderr) or a stream (tests). */
  destination: 1 | 2 | NodeJS.WritableStream = 1,
): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: "penaxtra" },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: ["req.headers.authorization", "auth_secret"],
  };
  if (format === "pretty")
    return pino(
      options,
      pretty({
        destination,
        sync: true,
        colorize:
          destination === 1 ? Boolean(process.stdout.isTTY) : destination === 2 && Boolean(process.stderr.isTTY),
        translateTime: "SYS:HH:MM:ss.l",
        ignore: "pid,hostname,service",
      }),
    );
  return pino(options, typeof destination === "number" ? pino.destination(destination) : destination);
}
