/**
 * CLI: `pnpm --filter @roster/sim-bamboohr start -- --employees 100000 --port 4030`.
 * Prints the gateway URL a connector is configured with, the API keys and the admin URL.
 */
import { parseArgs } from "node:util";
import { startBambooHrSim } from "./start-bamboohr-sim";

const { values } = parseArgs({
  // pnpm forwards a literal "--" before the script arguments.
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: {
    employees: { type: "string" },
    port: { type: "string", default: "4030" },
    host: { type: "string", default: "127.0.0.1" },
    seed: { type: "string" },
    companies: { type: "string" },
    "throttle-status": { type: "string" },
    sandbox: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});

if (values.help) {
  console.log(
    "Usage: tsx src/main.ts [--employees N] [--port P] [--host H] [--seed S] [--companies acme,globex] [--throttle-status 429|503] [--sandbox]",
  );
  process.exit(0);
}

function intOption(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value)) {
    console.error(`--${name} must be an integer (got "${raw}")`);
    process.exit(2);
  }
  return value;
}

const throttleStatus = intOption("throttle-status", values["throttle-status"]);
if (throttleStatus !== undefined && throttleStatus !== 429 && throttleStatus !== 503) {
  console.error(`--throttle-status must be 429 or 503 (got ${throttleStatus})`);
  process.exit(2);
}

const started = performance.now();
const sim = await startBambooHrSim({
  port: intOption("port", values.port),
  host: values.host,
  employees: intOption("employees", values.employees),
  seed: intOption("seed", values.seed),
  companies: values.companies?.split(",").map((domain) => domain.trim()),
  sandbox: values.sandbox,
}).catch((error: unknown) => {
  console.error(`Could not start the simulator: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
if (throttleStatus !== undefined) sim.setFaults({ throttleStatus });

const counts = sim.counts();
console.log(`BambooHR simulator ready in ${Math.round(performance.now() - started)} ms${values.sandbox ? " (sandbox)" : ""}`);
console.log(`  gateway  : ${sim.gatewayUrl()}   (e.g. ${sim.gatewayUrl()}/v1/employees/directory)`);
console.log(`  API key  : ${sim.apiKey}   (HTTP Basic username, any password; full access)`);
console.log(`  restricted key: ${sim.restrictedApiKey}`);
console.log(`  companies: ${sim.companyDomains.join(", ")}`);
console.log(`  admin    : ${sim.adminUrl}`);
console.log(`  data     : ${counts.employees} employees (${counts.directory} in the directory) per company`);

let closing = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    console.log(`\n${signal} received, closing`);
    sim.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
