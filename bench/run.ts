// pnpm bench <name>: runs one benchmark and prints its figures as JSON.
const benches: Record<string, () => Promise<unknown>> = {
  api: async () => (await import("./api.ts")).benchApi(),
  scan: async () => (await import("./scan.ts")).benchScan(),
  judges: async () => (await import("./judges.ts")).benchJudges(),
};

const name = process.argv[2] ?? "api";
const bench = benches[name];
if (!bench) {
  console.error(`unknown benchmark "${name}"; known: ${Object.keys(benches).join(", ")}`);
  process.exit(2);
}
const result = await bench();
console.log(JSON.stringify(result, null, 2));
process.exit(0);
