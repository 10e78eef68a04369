/**
 * Child process: the baseline of figure 7. The provider work of every export, back to back
 * with the product's own hire source and import (one Lever and one Zenefits context per
 * candidate, as each job makes): read the candidate's standing and the hire from Lever, import
 * it into Zenefits. No webhook, no queue, no worker, no transfer record, no database.
 */
import { type ExportTarget, sourceContext, suppliesHires, targetContext } from "@roster/hire-export";
import { createLogger } from "@roster/logger";
import { requireConnector } from "@roster/registry";
import { childMain } from "../harness/child-main";

export interface ExportFloorInput {
  /** The Lever key and the Zenefits import channel, as the Lever connection stores them. */
  credentials: Record<string, unknown>;
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
  const source = requireConnector("lever");
  const zenefits = requireConnector("zenefits");
  const action = zenefits.actions?.importHire;
  if (!suppliesHires(source) || !action) throw new Error("the registry has no Lever hires or Zenefits importHire");
  const target: ExportTarget = { connector: zenefits, action, connectionId: null, credentials: input.credentials };
  // Unpaced, as the product's exports are in this figure: the simulator's limit is off, and the
  // key's one shared budget would otherwise pace the floor alone.
  const http = { rateLimits: { [source.manifest.id]: { perSecond: 1_000_000, burst: 2_000_000 } } };
  for (const opportunityId of input.opportunityIds) {
    const lever = sourceContext(source, input.credentials, log, http);
    const standing = await source.hires.standing(lever, opportunityId);
    if (standing.status !== "hired") throw new Error(`Lever does not show ${opportunityId} as hired`);
    const read = await source.hires.read(lever, opportunityId, standing);
    if (!read.ok) throw new Error(`${opportunityId} is missing ${read.missing.join(", ")}`);
    await action.run(targetContext(target, log), read.hire);
    imported++;
  }
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuUserMs: used.user / 1000, cpuSystemMs: used.system / 1000, imported };
});
