import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { requestSignal } from "../src/http/request-signal";

describe("a request's signal", () => {
  it("aborts with a TimeoutError once the request has taken its time limit", async () => {
    // Tried: a 20 ms limit, nothing else. Must hold: aborted by the time limit, and it says so.
    const deadline = requestSignal(20);
    await sleep(60);
    expect(deadline.signal.aborted).toBe(true);
    expect((deadline.signal.reason as DOMException).name).toBe("TimeoutError");
    expect(deadline.timedOut()).toBe(true);
    deadline.release();
  });

  it("aborts with the run's reason when the run is stopped, already or later", () => {
    // Tried: a run stopped while the request is out, and a request sent for a run already
    // stopped. Must hold: both abort at once with the run's reason, and neither counts as a timeout.
    const run = new AbortController();
    const deadline = requestSignal(10_000, run.signal);
    run.abort(new Error("stopped"));
    expect(deadline.signal.aborted).toBe(true);
    expect((deadline.signal.reason as Error).message).toBe("stopped");
    expect(deadline.timedOut()).toBe(false);
    deadline.release();
    const late = requestSignal(10_000, run.signal);
    expect((late.signal.reason as Error).message).toBe("stopped");
    late.release();
  });

  it("once released, neither its timer nor the run reaches it any more", async () => {
    // Tried: a request answered and released, then its time limit passing and the run stopped.
    // Must hold: the signal stays as it was.
    const run = new AbortController();
    const deadline = requestSignal(20, run.signal);
    deadline.release();
    await sleep(60);
    run.abort(new Error("stopped"));
    expect(deadline.signal.aborted).toBe(false);
    expect(deadline.timedOut()).toBe(false);
  });
});
