/**
 * Child process: the baseline of figure 7. The provider work of every export, back to back
 * as the connection's serial export queue runs them, with the product's own readers and
 * payload builder (one Lever and one Zenefits context per candidate, as each job makes):
 * read the candidate's standing and hire data from Lever, build the new hire, import it
 * into Zenefits. No webhook, no queue, no worker, no transfer record, no database.
 */
import { importCandidate } from "@roster/connector-zenefits/ats";
import {
  buildHirePayload,
  type LeverExportCredentials,
  leverContext,
  readHireData,
  readStanding,
  zenefitsContext,
} from "@roster/hire-export";
import { createLogger } from "@roster/logger";
import { childMain } from "../harness/rss-child";

export interface ExportFloorInput {
  credentials: LeverExportCredentials;
  opportunityIds: string[];
}

export interface ExportFloorResult {
  wallMs: number;
  cpuUserMs: number;
  cpuSystemMs: number;
  imported: number;
}

childMain<ExportFloorInput, ExportFloorResult>(async (input) => {
  const log = createLogger("bench-export-floor", { level: "warn" });
  const cpu = process.cpuUsage();
  const started = performance.now();
  let imported = 0;
  // Unpaced, as the product's exports are in this figure: the simulator's limit is off, and the
  // key's one shared budget would otherwise pace the floor alone.
  const http = { leverRateLimit: { perSecond: 1_000_000, burst: 2_000_000 } };
  for (const opportunityId of input.opportunityIds) {
    const lever = leverContext(input.credentials, log, http);
    const standing = await readStanding(lever, opportunityId);
    if (!standing.hired) throw new Error(`Lever does not show ${opportunityId} as hired`);
    const built = buildHirePayload(await readHireData(lever, standing));
    if (!built.ok) throw new Error(`${opportunityId} is missing ${built.missing.join(", ")}`);
    await importCandidate(zenefitsContext(input.credentials, log), built.payload);
    imported++;
  }
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuUserMs: used.user / 1000, cpuSystemMs: used.system / 1000, imported };
});
