import { SyncAbortedError } from "@roster/core";
import { expect } from "vitest";
import { defineCheck, sorted } from "./check";

export const resumeCheck = defineCheck({
  id: "resume",
  title: "a sync killed mid-way resumes from its checkpoint: nothing lost, nothing doubled, counts exact",
  async run(h) {
    await h.sim.mutate({ update: 2, add: 3, remove: 1 });
    const stream = h.options.mutableStream;
    const controller = new AbortController();
    let batches = 0;
    const interrupted = await h
      .sync({
        signal: controller.signal,
        onProgress: (counts) => {
          if ((counts[stream]?.read ?? 0) > 0 && ++batches === 2) controller.abort(new Error("killed"));
        },
      })
      .then(
        () => null,
        (error) => error,
      );
    expect(interrupted, "the interrupted sync stops with SyncAbortedError").toBeInstanceOf(SyncAbortedError);
    const resumed = await h.sync();
    expect(resumed.resumed, "the next sync continues the interrupted run").toBe(true);
    expect(resumed.status).toBe("succeeded");
    const truth = await h.sim.truth();
    const expected = truth[stream] ?? [];
    expect(await h.liveIds(stream)).toEqual(sorted(expected));
    const counts = resumed.counts[stream]!;
    expect(counts.read, "every record counted exactly once across the two attempts").toBe(expected.length);
    expect(counts.created).toBe(3);
    expect(counts.deleted).toBe(1);
  },
});

export const abortCheck = defineCheck({
  id: "abort",
  title: "abort stops the sync promptly: no further requests once it has settled",
  async run(h) {
    await h.sim.setFaults({ latencyMs: 15 });
    try {
      const controller = new AbortController();
      let batches = 0;
      const result = await h
        .sync({
          signal: controller.signal,
          onProgress: () => {
            if (++batches === 1) controller.abort(new Error("stop"));
          },
        })
        .then(
          (outcome) => outcome,
          (error) => error,
        );
      expect(result, "the sync ends as aborted, not completed").toBeInstanceOf(SyncAbortedError);
      const settled = await h.sim.requestCount();
      await new Promise((r) => setTimeout(r, 150));
      expect(await h.sim.requestCount(), "no request after the abort settled").toBe(settled);
    } finally {
      await h.sim.clearFaults();
    }
    // Leave nothing half-done for later checks.
    expect((await h.sync()).status).toBe("succeeded");
  },
});
