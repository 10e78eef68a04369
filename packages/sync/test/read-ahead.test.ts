import { describe, expect, it } from "vitest";
import { abandon, inTurn, readAhead } from "../src/read-ahead";

/** A chain of `count` pages that logs when each is asked for and whether it was closed. */
function chain(count: number, log: string[], failAt?: number) {
  return (async function* () {
    try {
      for (let page = 1; page <= count; page++) {
        log.push(`fetch ${page}`);
        await new Promise((resolve) => setTimeout(resolve, 1));
        if (page === failAt) throw new Error(`page ${page} failed`);
        yield page;
      }
    } finally {
      log.push("closed");
    }
  })();
}

describe("reading a chain one page ahead", () => {
  it("asks for the next page before the caller has worked on the current one, and yields every page in order", async () => {
    // Tried: three pages, the caller logging when it works on each. Must hold: page n+1 was
    // asked for before the work on page n; pages arrive 1, 2, 3; the chain ran to its end once.
    const log: string[] = [];
    const seen: number[] = [];
    for await (const page of readAhead(chain(3, log))) {
      log.push(`work ${page}`);
      seen.push(page);
    }
    expect(seen).toEqual([1, 2, 3]);
    expect(log.indexOf("fetch 2")).toBeLessThan(log.indexOf("work 1"));
    expect(log.indexOf("fetch 3")).toBeLessThan(log.indexOf("work 2"));
    expect(log.filter((entry) => entry === "closed")).toHaveLength(1);
  });

  it("closes the chain when the caller stops early, after the page in flight arrived", async () => {
    // Tried: the caller stops after the first of five pages. Must hold: only the page asked
    // ahead was fetched beyond it, and the chain's own clean-up ran.
    const log: string[] = [];
    for await (const page of readAhead(chain(5, log))) {
      if (page === 1) break;
    }
    expect(log).toEqual(["fetch 1", "fetch 2", "closed"]);
  });

  it("hands the caller a failure of the page read ahead, after the pages before it", async () => {
    // Tried: the second of three pages fails. Must hold: page 1 reaches the caller, then the
    // failure is thrown to it.
    const log: string[] = [];
    const seen: number[] = [];
    const reading = (async () => {
      for await (const page of readAhead(chain(3, log, 2))) seen.push(page);
    })();
    await expect(reading).rejects.toThrow("page 2 failed");
    expect(seen).toEqual([1]);
  });

  it("asks for the first page at once, and a read given up before it started still closes the chain", async () => {
    // Tried: create the read-ahead of three pages and abandon it without reading. Must hold:
    // only the first page was asked for on creation; abandoning let the pages in flight
    // settle and closed the chain.
    const log: string[] = [];
    const pages = readAhead(chain(3, log));
    expect(log).toEqual(["fetch 1"]);
    await abandon(pages);
    expect(log).toEqual(["fetch 1", "fetch 2", "closed"]);
  });
});

describe("reading a chain one page at a time", () => {
  it("asks for each page only once the caller has worked on the one before, and yields every page in order", async () => {
    // Tried: three pages, the caller logging when it works on each. Must hold: page n+1 was
    // asked for after the work on page n; pages arrive 1, 2, 3; the chain ran to its end once.
    const log: string[] = [];
    for await (const page of inTurn(chain(3, log))) log.push(`work ${page}`);
    expect(log).toEqual(["fetch 1", "work 1", "fetch 2", "work 2", "fetch 3", "work 3", "closed"]);
  });

  it("asks for nothing until read, and a read given up before it started asks for nothing", async () => {
    // Tried: create the read of three pages and close it without reading. Must hold: no page
    // was asked for, neither on creation nor on closing.
    const log: string[] = [];
    const pages = inTurn(chain(3, log));
    expect(log).toEqual([]);
    await pages.return();
    expect(log).toEqual([]);
  });

  it("closes the chain when the caller stops early, having asked for no page beyond", async () => {
    // Tried: the caller stops after the first of five pages. Must hold: only that page was
    // fetched, and the chain's own clean-up ran.
    const log: string[] = [];
    for await (const page of inTurn(chain(5, log))) {
      if (page === 1) break;
    }
    expect(log).toEqual(["fetch 1", "closed"]);
  });
});
