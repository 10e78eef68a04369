import { ConnectorError } from "@roster/core";
import { startZenefitsSim, type ZenefitsSim } from "@roster/sim-zenefits";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { zenefitsStreams } from "../src/index";
import { contextFor, fastRetry, idsOf, readStream, startStandIn, truthIds } from "./harness";

let sim: ZenefitsSim;
beforeAll(async () => {
  sim = await startZenefitsSim({ port: 0, people: 250, seed: 5 });
});
afterEach(() => {
  sim.clearFaults();
  sim.clearRequestLog();
});
afterAll(async () => {
  await sim?.close();
});

describe("faults the HTTP client must absorb or report", () => {
  it("a burst of 500s is retried until every page of people and custom field values is read", async () => {
    sim.setFaults({ error500Rate: 0.3, seed: 3 });
    const ctx = contextFor(sim, sim.defaultToken, { retry: { ...fastRetry, maxAttempts: 10 } });
    for (const name of ["people", "customFieldValues"] as const) {
      const read = await readStream(zenefitsStreams[name], ctx);
      expect(idsOf(read.records)).toEqual(truthIds(sim, name));
    }
    expect(sim.requestLog().byStatus["500"]).toBeGreaterThan(0);
  });

  it("429 with Retry-After is honoured: pages still arrive although fast retries alone would run out", async () => {
    // One request a second; three quick retries (≤ 20 ms apart) could never outlast a 1 s Retry-After.
    sim.setFaults({ rateLimitPerSecond: 1, rateLimitBurst: 1 });
    const ctx = contextFor(sim, sim.defaultToken, { retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 } });
    const read = await readStream(zenefitsStreams.people, ctx, null, 2);
    expect(read.pages).toBe(2);
    expect(sim.requestLog().byStatus["429"]).toBeGreaterThan(0);
  });

  it("a Retry-After longer than the client will wait fails as rate_limited instead of stalling", async () => {
    sim.setFaults({ rateLimitPerSecond: 1, rateLimitBurst: 1 });
    const ctx = contextFor(sim, sim.defaultToken, { retry: { ...fastRetry, maxRetryAfterMs: 100 } });
    const error = await readStream(zenefitsStreams.people, ctx).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).kind).toBe("rate_limited");
  });

  it("a page truncated on every attempt fails as provider_error naming the truncation", async () => {
    sim.setFaults({ truncateEveryKthListPage: 1 });
    const ctx = contextFor(sim, sim.defaultToken, { retry: { ...fastRetry, maxAttempts: 3 } });
    const error = await readStream(zenefitsStreams.people, ctx).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).kind).toBe("provider_error");
    expect((error as ConnectorError).message).toMatch(/truncated/);
    expect(sim.requestLog().byPath["/core/people"]).toBe(3);
  });

  it("an occasional truncated page is retried to success", async () => {
    sim.setFaults({ truncateEveryKthListPage: 2 });
    const read = await readStream(zenefitsStreams.people, contextFor(sim));
    expect(idsOf(read.records)).toEqual(truthIds(sim, "people"));
  });

  it("connections reset mid-request are retried to success", async () => {
    sim.setFaults({ resetEveryKthRequest: 3 });
    const read = await readStream(zenefitsStreams.customFieldValues, contextFor(sim));
    expect(idsOf(read.records)).toEqual(truthIds(sim, "customFieldValues"));
    expect(sim.requestLog().byStatus.reset).toBeGreaterThan(0);
  });

  it("a record of unexpected shape fails alone in the mapper; its page and the stream carry on", async () => {
    sim.setFaults({ malformedEveryKthListPage: 2 });
    const stream = zenefitsStreams.people;
    const read = await readStream(stream, contextFor(sim));
    expect(idsOf(read.records)).toEqual(truthIds(sim, "people"));
    const failures = read.records.map((raw) => stream.map(raw)).filter((mapped) => !mapped.ok);
    expect(failures.length).toBe(Math.floor(read.pages / 2));
    for (const failure of failures) {
      expect(failure).toMatchObject({ ok: false, remoteId: expect.stringMatching(/^\d+$/) });
      expect(!failure.ok && failure.reason).toMatch(/first_name/);
    }
  });

  it("an envelope without data.data fails the page as provider_error with a clear message", async () => {
    // A stand-in host answering 200 with the wrong envelope (e.g. a proxy or a changed API).
    const standIn = await startStandIn({ data: { results: [] }, error: null, object: "/meta/response", status: 200 });
    try {
      const error = await readStream(
        zenefitsStreams.people,
        contextFor({ url: standIn.url, defaultToken: "stand-in-token" }),
      ).then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(ConnectorError);
      expect((error as ConnectorError).kind).toBe("provider_error");
      expect((error as ConnectorError).message).toMatch(/\/core\/people.*data\.data/);
    } finally {
      await standIn.close();
    }
  });
});
