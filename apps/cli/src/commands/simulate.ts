import { LEVER_RATE_LIMIT, startLeverSim } from "@roster/sim-lever";
import { startZenefitsSim } from "@roster/sim-zenefits";
import { CliError, ExitCode, type ExitCodeValue, notFound, usageError } from "../exit-codes";
import { parseInteger } from "../options";
import type { Output } from "../output/output";
import {
  leverFaults,
  leverRateLimit,
  rejectForeignFlags,
  type SimulateFlags,
  zenefitsFaults,
  zenefitsQuirks,
} from "./simulate-flags";

export interface SimulateOptions extends SimulateFlags {
  people?: string;
  opportunities?: string;
  port?: string;
  host?: string;
  seed?: string;
  sandbox?: boolean;
}

interface Started {
  facts: Record<string, unknown>;
  lines: [label: string, value: string][];
  close(): Promise<void>;
}

export const simulators = ["zenefits", "lever"] as const;

async function start(provider: string, options: SimulateOptions): Promise<Started> {
  const port = parseInteger("--port", options.port, { min: 0, max: 65535 }) ?? 0;
  const seed = parseInteger("--seed", options.seed, { min: 0 });
  const host = options.host ?? "127.0.0.1";
  if (provider === "zenefits") {
    if (options.opportunities !== undefined) throw usageError("--opportunities is for lever; zenefits takes --people");
    rejectForeignFlags(provider, options);
    const people = parseInteger("--people", options.people, { min: 10, max: 1_000_000 });
    const faults = zenefitsFaults(options);
    const quirks = zenefitsQuirks(options);
    const sim = await startZenefitsSim({ port, host, people, seed, sandbox: options.sandbox === true, quirks });
    sim.setFaults(faults);
    const counts = sim.counts();
    return {
      facts: {
        provider,
        url: sim.url,
        token: sim.defaultToken,
        adminUrl: sim.adminUrl,
        companyId: sim.companyId,
        people: counts.people,
        faults,
        quirks: sim.quirks(),
      },
      lines: [
        ["base URL", sim.url],
        ["token", `${sim.defaultToken}   (every permission)`],
        ["admin", `${sim.adminUrl}/`],
        [
          "data",
          `${counts.people} people, ${counts.departments} departments, ${counts.locations} locations (company ${sim.companyId})`,
        ],
        ...faultLine(faults),
        ["try", `roster verify zenefits --token ${sim.defaultToken} --base-url ${sim.url}`],
      ],
      close: () => sim.close(),
    };
  }
  if (provider === "lever") {
    if (options.people !== undefined) throw usageError("--people is for zenefits; lever takes --opportunities");
    rejectForeignFlags(provider, options);
    const opportunities = parseInteger("--opportunities", options.opportunities, { min: 1, max: 20_000 });
    const faults = leverFaults(options);
    const rateLimit = leverRateLimit(options, LEVER_RATE_LIMIT);
    const sim = await startLeverSim({ port, host, opportunities, seed, sandbox: options.sandbox === true, rateLimit });
    sim.setFaults(faults);
    return {
      facts: {
        provider,
        url: sim.url,
        apiKey: sim.apiKey,
        webhookSignatureToken: sim.webhookSignatureToken,
        adminUrl: sim.adminUrl,
        opportunities: sim.truth().opportunities.length,
        faults,
        rateLimit: rateLimit ?? LEVER_RATE_LIMIT,
      },
      lines: [
        ["base URL", `${sim.url}   (endpoints under /v1)`],
        ["API key", `${sim.apiKey}   (HTTP Basic, key as user name, empty password)`],
        ["signing", `${sim.webhookSignatureToken}   (webhook signature token)`],
        ["admin", sim.adminUrl],
        ...faultLine({ ...faults, ...(rateLimit === undefined ? {} : { rateLimit: rateLimit || "off" }) }),
      ],
      close: () => sim.close(),
    };
  }
  throw notFound(`No simulator "${provider}" (available: ${simulators.join(", ")}).`);
}

/** One "faults" line naming what was turned on, or nothing. */
function faultLine(faults: Record<string, unknown>): [string, string][] {
  const set = Object.entries(faults).map(([key, value]) => `${key}=${typeof value === "object" ? JSON.stringify(value) : value}`);
  return set.length > 0 ? [["faults", set.join(", ")]] : [];
}

/**
 * `roster simulate zenefits|lever`: a provider on localhost with seeded data, for trying
 * verify and sync without the internet. Runs until Ctrl-C. With --json the facts are
 * one line on stdout, so a script can read it and go on.
 */
export async function simulateCommand(out: Output, provider: string, options: SimulateOptions): Promise<ExitCodeValue> {
  let sim: Started;
  try {
    sim = await start(provider, options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
      throw new CliError(ExitCode.failed, `Port ${options.port} is in use.`, {
        kind: "port_in_use",
        hint: "Pick another with --port, or 0 for any free one.",
      });
    }
    throw error;
  }
  if (out.json) process.stdout.write(`${JSON.stringify(sim.facts)}\n`);
  const { c } = out;
  out.line(`${c.green("●")} ${c.bold(`${provider} simulator`)} running ${c.dim("(Ctrl-C to stop)")}`);
  const width = Math.max(...sim.lines.map(([label]) => label.length));
  for (const [label, value] of sim.lines) out.line(`  ${label.padEnd(width)}  ${value}`);

  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  out.note("closing the simulator");
  await sim.close();
  return ExitCode.ok;
}
