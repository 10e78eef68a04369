import { describe, expect, it } from "vitest";
import { PageReadAhead } from "../src/list/read-ahead";

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("PageReadAhead", () => {
  it("serves a page read ahead once, to the key it was read for", async () => {
    // Tried: a page read ahead under one key, then taken twice and asked under another key.
    // Must hold: the first take gets it, the second and the other key get nothing.
    const ahead = new PageReadAhead<string>();
    let reads = 0;
    ahead.readAhead("walk|after-5", async () => `page ${++reads}`);
    expect(ahead.take("other|after-5")).toBeUndefined();
    await expect(ahead.take("walk|after-5")).resolves.toBe("page 1");
    expect(ahead.take("walk|after-5")).toBeUndefined();
    expect(reads).toBe(1);
  });

  it("drops a page its client did not ask for in time, so nobody gets a page older than that", async () => {
    // Tried: a page read ahead with a 20 ms limit, asked for after 40 ms. Must hold: it is not served.
    const ahead = new PageReadAhead<string>(4, 16, 20);
    ahead.readAhead("walk|a", async () => "stale");
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(ahead.take("walk|a")).toBeUndefined();
  });

  it("holds at most so many reads in flight and so many pages, and skips the rest", async () => {
    // Tried: five reads ahead that never finish with room for two in flight, then pages with room
    // for three held. Must hold: only two reads start; only three pages are kept.
    const inFlight = new PageReadAhead<string>(2, 16, 10_000);
    let started = 0;
    for (let i = 0; i < 5; i++) {
      inFlight.readAhead(`walk|${i}`, () => {
        started++;
        return new Promise<string>(() => {});
      });
    }
    expect(started).toBe(2);
    const held = new PageReadAhead<string>(10, 3, 10_000);
    for (let i = 0; i < 5; i++) held.readAhead(`walk|${i}`, async () => `page ${i}`);
    await settle();
    const served = await Promise.all([0, 1, 2, 3, 4].map((i) => held.take(`walk|${i}`) ?? Promise.resolve(null)));
    expect(served).toEqual(["page 0", "page 1", "page 2", null, null]);
  });

  it("forgets a read that failed: the client's own request reads the page and sees the error itself", async () => {
    // Tried: a read ahead that rejects. Must hold: no unhandled rejection, and the key is empty
    // afterwards (so the route reads afresh), while a failed in-flight read taken early rejects.
    const ahead = new PageReadAhead<string>();
    ahead.readAhead("walk|x", async () => {
      throw new Error("database gone");
    });
    const early = ahead.take("walk|x");
    await expect(early).rejects.toThrow("database gone");
    ahead.readAhead("walk|y", async () => {
      throw new Error("database gone");
    });
    await settle();
    expect(ahead.take("walk|y")).toBeUndefined();
  });
});
