import { modelSchemas } from "@roster/core";
import { startZenefitsSim, type ZenefitsSim } from "@roster/sim-zenefits";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { zenefitsStreams } from "../src/index";
import { contextFor, idsOf, readStream, streamNames, truthIds, truthKeyOf } from "./harness";

// 350 people → at least 4 pages of people, employments and custom field values at limit=100.
let sim: ZenefitsSim;
beforeAll(async () => {
  sim = await startZenefitsSim({ port: 0, people: 350, seed: 7 });
});
afterAll(async () => {
  await sim?.close();
});

describe("streams against the simulator", () => {
  it.each(streamNames)("%s: reads every record exactly once, as Zenefits sent it", async (name) => {
    const stream = zenefitsStreams[name];
    const read = await readStream(stream, contextFor(sim));
    expect(read.cursor).toBeNull();
    expect(idsOf(read.records)).toEqual(truthIds(sim, name));
    // The records arrive unaltered: the truth is what an all-scopes token reads.
    const truth = sim.truth()[truthKeyOf[name]] as unknown[];
    expect(read.records).toEqual(truth);
  });

  it.each(["people", "employments", "customFieldValues"] as const)(
    "%s: spans several pages of at most 100 records",
    async (name) => {
      const read = await readStream(zenefitsStreams[name], contextFor(sim));
      expect(read.pages).toBeGreaterThanOrEqual(4);
      expect(read.pages).toBe(Math.ceil(truthIds(sim, name).length / 100));
    },
  );

  it.each(streamNames)("%s: every record maps and validates against the core model schema", async (name) => {
    const stream = zenefitsStreams[name];
    const read = await readStream(stream, contextFor(sim));
    const schema = modelSchemas[stream.model];
    for (const raw of read.records) {
      const mapped = stream.map(raw);
      if (!mapped.ok) throw new Error(`${name} ${mapped.remoteId}: ${mapped.reason}`);
      expect(schema.parse(mapped.value)).toEqual(mapped.value);
      expect(mapped.value.remoteId).toBe(String((raw as { id: unknown }).id));
    }
  });

  it("resolves people's references to records the other streams deliver", async () => {
    const ctx = contextFor(sim);
    const idsFrom = async (name: "departments" | "locations" | "people") =>
      new Set(idsOf((await readStream(zenefitsStreams[name], ctx)).records));
    const [departments, locations, people] = [await idsFrom("departments"), await idsFrom("locations"), await idsFrom("people")];
    const employees = (await readStream(zenefitsStreams.people, ctx)).records.map((raw) => zenefitsStreams.people.map(raw));
    let managers = 0;
    for (const employee of employees) {
      if (!employee.ok) throw new Error(employee.reason);
      const { departmentRemoteId, locationRemoteId, managerRemoteId } = employee.value as {
        departmentRemoteId: string | null;
        locationRemoteId: string | null;
        managerRemoteId: string | null;
      };
      if (departmentRemoteId !== null) expect(departments).toContain(departmentRemoteId);
      if (locationRemoteId !== null) expect(locations).toContain(locationRemoteId);
      if (managerRemoteId !== null) {
        managers++;
        expect(people).toContain(managerRemoteId);
      }
    }
    expect(managers).toBeGreaterThan(0);
  });

  it.each(["people", "customFieldValues"] as const)(
    "%s: resuming from the cursor after 2 pages reads the rest, no record twice or missed",
    async (name) => {
      const stream = zenefitsStreams[name];
      const firstTwo = await readStream(stream, contextFor(sim), null, 2);
      expect(firstTwo.pages).toBe(2);
      // The cursor is Zenefits' own next_url: absolute, on the API host, carrying limit and starting_after.
      expect(firstTwo.cursor).toMatch(new RegExp(`^${sim.url}/core/.*limit=100.*starting_after=\\d+`));
      // A fresh context, as after a worker restart: the cursor alone carries the position.
      const rest = await readStream(stream, contextFor(sim), firstTwo.cursor);
      expect(rest.cursor).toBeNull();
      const all = [...idsOf(firstTwo.records), ...idsOf(rest.records)].sort();
      expect(new Set(all).size).toBe(all.length);
      expect(all).toEqual(truthIds(sim, name));
    },
  );

  it("maps people read with a token lacking the person sub-scopes: those fields and the status become null (unknown)", async () => {
    const token = sim.createToken({ scopes: ["people"] });
    const read = await readStream(zenefitsStreams.people, contextFor(sim, token));
    expect(idsOf(read.records)).toEqual(truthIds(sim, "people"));
    for (const raw of read.records) {
      const mapped = zenefitsStreams.people.map(raw);
      if (!mapped.ok) throw new Error(mapped.reason);
      expect(mapped.value).toMatchObject({
        status: null,
        remoteStatus: null,
        workEmail: null,
        personalEmail: null,
        workPhone: null,
        departmentRemoteId: null,
        locationRemoteId: null,
        managerRemoteId: null,
      });
    }
  });
});
