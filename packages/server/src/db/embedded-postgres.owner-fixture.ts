// Test fixture: owns an embedded Postgres until it is killed (embedded-postgres.test.ts).
import pino from "pino";
import { startEmbeddedPostgres } from "./embedded-postgres.ts";

await startEmbeddedPostgres(process.argv[2]!, pino({ level: "silent" }));
process.stdout.write("ready\n");
setInterval(() => {}, 1000);
