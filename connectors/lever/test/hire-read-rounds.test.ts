import { type Connector, type ConnectorContext, createConnectorContext, type HttpClient } from "@roster/core";
import { createLogger } from "@roster/logger";
import { type LeverSim, startLeverSim } from "@roster/sim-lever";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lever, readHireData, readStanding } from "../src/index";

let sim: LeverSim;
const log = createLogger("lever-hire-read-rounds-test", { level: "silent" });

/** The connector's real client, counting the most requests it ever had waiting on Lever at once. */
function observed(http: HttpClient) {
  let inFlight = 0;
  const seen = { peak: 0, requests: 0 };
  const around = async <T>(send: () => Promise<T>): Promise<T> => {
    inFlight++;
    seen.requests++;
    seen.peak = Math.max(seen.peak, inFlight);
    try {
      return await send();
    } finally {
      inFlight--;
    }
  };
  const client: HttpClient = {
    request: (request) => around(() => http.request(request)),
    getJson: (url, query) => around(() => http.getJson(url, query)),
  };
  return { client, seen };
}

function context() {
  const ctx = createConnectorContext(
    lever as unknown as Connector<typeof lever.manifest.credentials>,
    { apiKey: sim.apiKey, baseUrl: `${sim.url}/v1` },
    { log },
  );
  const { client, seen } = observed(ctx.http);
  return { ctx: { ...ctx, http: client } as ConnectorContext<typeof ctx.credentials>, seen };
}

beforeAll(async () => {
  sim = await startLeverSim({ opportunities: 40, seed: 7, rateLimit: false });
  // Every answer takes a while, as Lever's do: reads sent together are then in flight together.
  sim.setFaults({ latencyMs: 40 });
});
afterAll(async () => {
  await sim?.close();
});

describe("reading a hire from Lever", () => {
  it("sends the reads that need nothing from one another together, and reads what a sequential read reads", async () => {
    // Tried: the standing, then the hire data, of the first seeded candidate (a resume, a
    // posting, offers, interviews and scorecards), every Lever answer delayed. Must hold: the
    // standing's three reads (the opportunity, the hired archive reasons, the stages) were in
    // flight at once; the hire data's first five (posting, offers, resumes, interviews,
    // scorecards) too; and the result equals the same reads made with no delay.
    const opportunityId = sim.truth().opportunities[0]!.id;
    const standingRead = context();
    const standing = await readStanding(standingRead.ctx, opportunityId);
    expect(standingRead.seen).toEqual({ peak: 3, requests: 3 });

    const hireRead = context();
    const data = await readHireData(hireRead.ctx, standing);
    expect(hireRead.seen.peak).toBeGreaterThanOrEqual(5);
    expect(data.document?.source).toBe("resume");

    sim.clearFaults();
    try {
      const again = context();
      const undelayed = await readHireData(again.ctx, await readStanding(again.ctx, opportunityId));
      expect(undelayed).toEqual(data);
    } finally {
      sim.setFaults({ latencyMs: 40 });
    }
  });
});
