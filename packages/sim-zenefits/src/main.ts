/**
 * CLI: `pnpm --filter @roster/sim-zenefits start -- --people 100000 --port 4010`.
 * Prints the base URL, a token with every scope and the admin URL.
 */
import { parseArgs } from "node:util";
import { startZenefitsSim } from "./sim";

const { values } = parseArgs({
  // pnpm forwards a literal "--" before the script arguments.
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: {
    people: { type: "string" },
    port: { type: "string", default: "4010" },
    host: { type: "string", default: "127.0.0.1" },
    seed: { type: "string" },
    companies: { type: "string" },
    sandbox: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});

if (values.help) {
  console.log("Usage: tsx src/main.ts [--people N] [--port P] [--host H] [--seed S] [--companies C] [--sandbox]");
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

const started = performance.now();
const sim = await startZenefitsSim({
  port: intOption("port", values.port),
  host: values.host,
  people: intOption("people", values.people),
  seed: intOption("seed", values.seed),
  companies: intOption("companies", values.companies),
  sandbox: values.sandbox,
}).catch((error: unknown) => {
  console.error(`Could not start the simulator: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
const counts = sim.counts();
console.log(`Zenefits simulator ready in ${Math.round(performance.now() - started)} ms`);
console.log(`  base URL : ${sim.url}   (e.g. ${sim.url}/core/people)`);
console.log(`  token    : ${sim.defaultToken}   (all scopes, company ${sim.companyId})`);
console.log(`  admin    : ${sim.adminUrl}/`);
console.log(`  ATS      : company ${sim.companyId}, client secret ${sim.clientSecret()}`);
console.log(`  data     : ${counts.people} people, ${counts.departments} departments, ${counts.locations} locations`);

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
