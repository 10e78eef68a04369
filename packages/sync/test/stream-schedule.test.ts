import { describe, expect, it } from "vitest";
import { prerequisitesOf, runScheduled, type ScheduledStream } from "../src/stream-schedule";

// The Zenefits connector's streams, in its order.
const zenefits: ScheduledStream[] = [
  { name: "companies", model: "companies" },
  { name: "locations", model: "locations" },
  { name: "departments", model: "departments" },
  { name: "people", model: "employees" },
  { name: "employments", model: "employments" },
  { name: "customFields", model: "customFields" },
  { name: "customFieldValues", model: "customFieldValues" },
];

const names = (streams: ScheduledStream[]) => streams.map((s) => s.name);
const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe("stream schedule", () => {
  it("makes people wait for the locations and departments they link to, and nothing else wait", () => {
    expect(names(prerequisitesOf(zenefits, 3))).toEqual(["locations", "departments"]);
    for (const independent of [0, 1, 2, 4, 5, 6]) expect(prerequisitesOf(zenefits, independent)).toEqual([]);
    // Two streams writing one table never run at once.
    const twice: ScheduledStream[] = [...zenefits, { name: "contractors", model: "employees" }];
    expect(names(prerequisitesOf(twice, 7))).toEqual(["locations", "departments", "people"]);
  });

  it("runs at most `concurrency` streams at once, each after its prerequisites finished", async () => {
    const events: string[] = [];
    let running = 0;
    let peak = 0;
    await runScheduled(
      zenefits,
      2,
      async (stream) => {
        events.push(`start ${stream.name}`);
        peak = Math.max(peak, ++running);
        // The departments take longest, so people would start too early if it ignored them.
        for (let i = 0; i < (stream.name === "departments" ? 8 : 2); i++) await tick();
        running--;
        events.push(`end ${stream.name}`);
      },
      () => {},
    );
    expect(peak).toBe(2);
    expect(events.filter((e) => e.startsWith("end"))).toHaveLength(zenefits.length);
    const at = (event: string) => events.indexOf(event);
    expect(at("start people")).toBeGreaterThan(at("end departments"));
    expect(at("start people")).toBeGreaterThan(at("end locations"));
    // Meanwhile a stream that links to nothing took the free slot.
    expect(at("start employments")).toBeLessThan(at("end departments"));
  });

  it("stops starting streams at the first failure, and throws it once the started ones settled", async () => {
    const started: string[] = [];
    const settled: string[] = [];
    const failures: unknown[] = [];
    const boom = new Error("departments: provider answered 500");
    const outcome = runScheduled(
      zenefits,
      2,
      async (stream) => {
        started.push(stream.name);
        await tick();
        if (stream.name === "departments") throw boom;
        await tick();
        await tick();
        settled.push(stream.name);
      },
      (error) => failures.push(error),
    );
    await expect(outcome).rejects.toBe(boom);
    expect(failures).toEqual([boom]);
    // Whatever was running beside the failure finished before the failure was thrown...
    expect(settled).toEqual(started.filter((name) => name !== "departments"));
    // ...and nothing that depended on it, or came after it, was started.
    expect(started).not.toContain("people");
    expect(started).not.toContain("customFieldValues");
  });

  it("gives a stream's slot to the next one once its reading is done, while it still finishes", async () => {
    // Tried: one slot; the first stream says its reading is done, then takes a while to finish
    // (its deletion check). Must hold: the second started before the first ended, and the
    // first's prerequisite-holders still waited for its end.
    const events: string[] = [];
    const two: ScheduledStream[] = [
      { name: "departments", model: "departments" },
      { name: "customFields", model: "customFields" },
      { name: "people", model: "employees" },
    ];
    await runScheduled(
      two,
      1,
      async (stream, doneReading) => {
        events.push(`start ${stream.name}`);
        await tick();
        doneReading();
        doneReading();
        for (let i = 0; i < 5; i++) await tick();
        events.push(`end ${stream.name}`);
      },
      () => {},
    );
    const at = (event: string) => events.indexOf(event);
    expect(at("start customFields")).toBeLessThan(at("end departments"));
    expect(at("start people")).toBeGreaterThan(at("end departments"));
    expect(events.filter((e) => e.startsWith("end"))).toHaveLength(3);
  });

  it("runs a step on stored rows once the streams it names are in, beside streams still reading", async () => {
    // Tried: two slots; the people's links as a step after locations, departments and people,
    // while the long custom field values still read and people or departments hold the other
    // slot. Must hold: the step started after people ended and before custom field values
    // ended, its prerequisites being exactly the streams it names.
    const events: string[] = [];
    const withStep = [
      ...zenefits,
      { name: "links of employees", model: "employees" as const, after: ["locations", "departments", "people"], reads: false },
    ];
    expect(names(prerequisitesOf(withStep, withStep.length - 1))).toEqual(["locations", "departments", "people"]);
    await runScheduled(
      [zenefits[0]!, zenefits[1]!, zenefits[2]!, zenefits[3]!, zenefits[6]!, ...withStep.slice(-1)],
      2,
      async (stream) => {
        events.push(`start ${stream.name}`);
        for (let i = 0; i < (stream.name === "customFieldValues" ? 20 : 1); i++) await tick();
        events.push(`end ${stream.name}`);
      },
      () => {},
    );
    const at = (event: string) => events.indexOf(event);
    expect(at("start links of employees")).toBeGreaterThan(at("end people"));
    expect(at("start links of employees")).toBeLessThan(at("end customFieldValues"));
  });
});
