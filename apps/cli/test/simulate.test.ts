import { describe, expect, it } from "vitest";
import { finished, runCli, startCli, waitForOutput } from "./helpers/cli";

describe.concurrent("roster simulate", () => {
  it("runs a zenefits simulator that answers with the printed token, until Ctrl-C", async () => {
    // Tried: `simulate zenefits --people 12 --seed 9 --json`, a request with the printed token, then SIGINT.
    // Must hold: one JSON line with url, token and admin URL; /core/me answers 200 with that token; exit 0.
    const child = startCli(["simulate", "zenefits", "--people", "12", "--seed", "9", "--json"]);
    const done = finished(child);
    const printed = await waitForOutput(child, "stdout", /^\{.*\}\n/m);
    const facts = JSON.parse(printed.trim()) as { url: string; token: string; adminUrl: string; people: number };
    expect(facts.people).toBe(12);
    expect(facts.adminUrl).toBe(`${facts.url}/__admin`);
    const me = await fetch(`${facts.url}/core/me`, { headers: { authorization: `Bearer ${facts.token}` } });
    expect(me.status).toBe(200);
    child.kill("SIGINT");
    expect((await done).code).toBe(0);
  });

  it("runs a lever simulator that answers with the printed API key, until Ctrl-C", async () => {
    // Tried: `simulate lever --opportunities 5`, a request with the printed key (HTTP Basic), then SIGINT.
    // Must hold: URL, API key and admin URL printed; /v1/opportunities answers 200; exit 0.
    const child = startCli(["simulate", "lever", "--opportunities", "5", "--seed", "2"]);
    const done = finished(child);
    const printed = await waitForOutput(child, "stdout", /admin\s+http:\/\/\S+\n/);
    const url = printed.match(/base URL\s+(http:\/\/\S+)/)?.[1];
    const key = printed.match(/API key\s+(\S+)/)?.[1];
    expect(printed).toMatch(/admin\s+http:\/\/127\.0\.0\.1:\d+\/__admin/);
    const list = await fetch(`${url}/v1/opportunities`, { headers: { authorization: `Basic ${btoa(`${key}:`)}` } });
    expect(list.status).toBe(200);
    child.kill("SIGINT");
    expect((await done).code).toBe(0);
  });

  it("rejects flags of the other simulator and bad numbers with exit 2, unknown simulators with 3", async () => {
    // Tried: lever with --people, zenefits with --opportunities, a non-numeric port, "bamboo". Must hold: 2, 2, 2, 3.
    const results = await Promise.all([
      runCli(["simulate", "lever", "--people", "10"]),
      runCli(["simulate", "zenefits", "--opportunities", "10"]),
      runCli(["simulate", "zenefits", "--port", "eighty"]),
      runCli(["simulate", "bamboo"]),
    ]);
    expect(results.map((r) => r.code)).toEqual([2, 2, 2, 3]);
    expect(results[0]?.stderr).toContain("--people is for zenefits");
  });
});
