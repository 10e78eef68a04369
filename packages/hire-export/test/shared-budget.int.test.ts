import { createSyncConnection } from "@roster/db/testing";
import { requireConnector } from "@roster/registry";
import { runSync } from "@roster/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportHire } from "../src/tasks/export-hire";
import { reconcileHires } from "../src/tasks/reconcile-hires";
import { findCandidates } from "./helpers/expected";
import { startWorld, type World } from "./helpers/world";

const lever = requireConnector("lever");
let w: World;
beforeAll(async () => {
  w = await startWorld({ opportunities: 120, seed: 21 });
});
afterAll(async () => {
  await w?.close();
});

// Lever's documented budget per key, which Roster's Lever contexts keep to (the manifest's).
const LEVER = { perSecond: 10, burst: 20 };
// The simulator's bucket holds two more than Roster's: loopback timing may bring two requests
// a few milliseconds closer together on arrival than when they were sent.
const ARRIVAL_SLACK = 2;

describe("a sync and the hire exports of one Lever key share its rate budget", () => {
  it("a candidates sync, a reconciliation and hire exports running at once on one key are never throttled", async () => {
    // Tried: Lever's per-key limit turned on at the simulator; then, all started together with
    // the same API key: a full sync of Lever candidates (runSync), a reconciliation of hires
    // and four hire exports (each reading opportunity, offers, files…). Must hold: Lever saw
    // many more requests than one burst, and answered none of them 429 (each of these jobs
    // spending a budget of its own would send several bursts at once); everything succeeded.
    w.lever.setWebhook(null);
    const hired = findCandidates(w.lever, { email: true, twoWordName: true }).slice(0, 4);
    expect(hired, "the seed has enough hireable candidates").toHaveLength(4);
    for (const id of hired) await w.lever.hire(id);
    const syncConnection = await createSyncConnection(w.db, { connectorId: "lever", displayName: "Lever" });
    w.lever.setRateLimit({ perSecond: LEVER.perSecond, burst: LEVER.burst + ARRIVAL_SLACK });
    w.lever.clearRequestLog();

    const [sync, ...exports] = await Promise.all([
      runSync({
        db: w.db,
        connector: lever,
        credentials: { apiKey: w.credentials.apiKey, baseUrl: w.credentials.baseUrl },
        connection: syncConnection,
        trigger: "manual",
        log: w.deps.log,
      }),
      reconcileHires(w.deps, w.connectionId).then(() => ({ status: "reconciled" })),
      ...hired.map((opportunityId) => exportHire(w.deps, { connectionId: w.connectionId, opportunityId, trigger: "webhook" })),
    ]);

    const seen = w.lever.requestLog();
    expect(seen.total, "enough requests that the budget had to bind").toBeGreaterThan(LEVER.burst + ARRIVAL_SLACK + 5);
    expect(seen.byStatus["429"] ?? 0, JSON.stringify(seen.byStatus)).toBe(0);
    expect(sync.status, sync.errorMessage).toBe("succeeded");
    expect(sync.counts.candidates?.read).toBe(w.lever.truth().opportunities.length);
    expect(exports[0]).toEqual({ status: "reconciled" });
    // A reconciliation racing the exports may find a candidate still going out: sent once either way.
    for (const id of hired) expect(w.imported(id), `candidate ${id} imported once`).toHaveLength(1);
  });
});
