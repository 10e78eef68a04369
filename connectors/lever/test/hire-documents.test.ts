import { type Connector, createConnectorContext } from "@roster/core";
import { createLogger } from "@roster/logger";
import { type LeverSim, startLeverSim } from "@roster/sim-lever";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lever, readHireData, readStanding } from "../src/index";

let sim: LeverSim;
const log = createLogger("lever-hire-documents-test", { level: "silent" });
const ctx = () =>
  createConnectorContext(
    lever as unknown as Connector<typeof lever.manifest.credentials>,
    { apiKey: sim.apiKey, baseUrl: `${sim.url}/v1` },
    { log },
  );

beforeAll(async () => {
  sim = await startLeverSim({ opportunities: 40, seed: 7, rateLimit: false });
});
afterAll(async () => {
  await sim?.close();
});

async function chosen(opportunityId: string) {
  return (await readHireData(ctx(), await readStanding(ctx(), opportunityId))).document;
}

describe("which document goes with a hire as the resume", () => {
  it("reads the first resume (#0), else the first file (#1), else none (#2); an unprocessable resume is passed over (#3)", async () => {
    // Tried: the seeded edge cases. Must hold: #0's resume bytes; #1's first file; nothing for
    // #2; for #3 (resume Lever could not process) its first file if it has one, else nothing.
    const truth = sim.truth();
    const [first, second, third, fourth] = truth.opportunities.map((o) => o.id) as [string, string, string, string];
    expect(await chosen(first)).toMatchObject({ source: "resume", fileName: truth.resumes[first]![0]!.file.name });
    expect(await chosen(second)).toMatchObject({ source: "file", fileName: truth.files[second]![0]!.name });
    expect(await chosen(third)).toBeNull();
    const fallback = truth.files[fourth]?.[0];
    const fourthDoc = await chosen(fourth);
    if (fallback) expect(fourthDoc).toMatchObject({ source: "file", fileName: fallback.name });
    else expect(fourthDoc).toBeNull();
  });
});
