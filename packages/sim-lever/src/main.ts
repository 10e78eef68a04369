import { parseArgs } from "node:util";
import { startLeverSim } from "./start-lever-sim";

// Usage: tsx src/main.ts [--opportunities N] [--port P] [--seed S] [--host H] [--sandbox] [--no-rate-limit]
// `pnpm start -- --flag` passes the "--" through; drop it.
const argv = process.argv.slice(2);
const { values } = parseArgs({
  args: argv[0] === "--" ? argv.slice(1) : argv,
  options: {
    opportunities: { type: "string" },
    port: { type: "string" },
    seed: { type: "string" },
    host: { type: "string" },
    sandbox: { type: "boolean", default: false },
    "no-rate-limit": { type: "boolean", default: false },
  },
});

const toInt = (name: string, raw: string | undefined): number | undefined => {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new Error(`--${name} must be an integer, got ${raw}`);
  return n;
};

const sim = await startLeverSim({
  opportunities: toInt("opportunities", values.opportunities),
  port: toInt("port", values.port),
  seed: toInt("seed", values.seed),
  host: values.host,
  sandbox: values.sandbox,
  rateLimit: values["no-rate-limit"] ? false : undefined,
});

console.log(`Lever simulator listening${values.sandbox ? " (sandbox)" : ""}`);
console.log(`  API base URL:  ${sim.url}   (endpoints under ${sim.url}/v1)`);
console.log(`  API key:       ${sim.apiKey}   (HTTP Basic, key as username, empty password)`);
console.log(`  Signing token: ${sim.webhookSignatureToken}`);
console.log(`  Admin:         ${sim.adminUrl}`);

let closing = false;
const shutdown = (signal: string) => {
  if (closing) return;
  closing = true;
  console.log(`${signal}: closing Lever simulator`);
  sim.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on("SIGINT", () => shutdown("SIGINT"));
process.on("SIGTERM", () => shutdown("SIGTERM"));
