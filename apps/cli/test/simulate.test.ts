import { LEVER_ADMIN_ROUTES } from "@roster/sim-lever/admin-index";
import { ZENEFITS_ADMIN_ROUTES } from "@roster/sim-zenefits/admin-index";
import { describe, expect, it } from "vitest";
import { FAULT_FLAGS, QUIRK_FLAGS } from "../src/commands/simulate-flags";
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
    // Tried: lever with --people, zenefits with --opportunities, a non-numeric port, "bamboo", a zenefits-only
    // fault flag on lever. Must hold: 2, 2, 2, 3, 2, each naming the flag (simulate-flags.test.ts tries the rest).
    const results = await Promise.all([
      runCli(["simulate", "lever", "--people", "10"]),
      runCli(["simulate", "zenefits", "--opportunities", "10"]),
      runCli(["simulate", "zenefits", "--port", "eighty"]),
      runCli(["simulate", "bamboo"]),
      runCli(["simulate", "lever", "--malformed-every", "2"]),
    ]);
    expect(results.map((r) => r.code)).toEqual([2, 2, 2, 3, 2]);
    expect(results[0]?.stderr).toContain("--people is for zenefits");
    expect(results[4]?.stderr).toContain("--malformed-every is for zenefits");
  });

  it("--help lists every fault flag, both simulators' admin endpoints and how to point a tool at one", async () => {
    const help = await runCli(["simulate", "zenefits", "--help"]);
    expect(help.code).toBe(0);
    for (const spec of [...FAULT_FLAGS, ...QUIRK_FLAGS]) expect(help.stdout).toContain(spec.flags);
    for (const { route } of [...ZENEFITS_ADMIN_ROUTES, ...LEVER_ADMIN_ROUTES]) expect(help.stdout).toContain(route);
    expect(help.stdout).toContain("Authorization: Bearer");
    expect(help.stdout).toContain("/v1 in place of https://api.lever.co/v1");
  });

  it("applies fault flags at start: zenefits answers 500s, lever runs without its rate limit", async () => {
    // Tried: zenefits with --error-rate 1 --latency 1, lever with --rate-limit 0 --retry-after; then the admin faults.
    // Must hold: the JSON facts carry the faults; zenefits' /core/people answers the 500 envelope;
    // lever serves 40 concurrent requests without a 429 and its admin reports retryAfterOn429.
    const zenefits = startCli(["simulate", "zenefits", "--people", "10", "--error-rate", "1", "--latency", "1", "--json"]);
    const lever = startCli(["simulate", "lever", "--opportunities", "5", "--rate-limit", "0", "--retry-after", "--json"]);
    const done = [finished(zenefits), finished(lever)];
    // Both listen from the start: output a child wrote before anyone listened would be lost.
    const printed = [waitForOutput(zenefits, "stdout", /^\{.*\}\n/m), waitForOutput(lever, "stdout", /^\{.*\}\n/m)];
    const zFacts = JSON.parse((await printed[0])?.trim() ?? "") as {
      url: string;
      token: string;
      adminUrl: string;
      faults: Record<string, number>;
    };
    expect(zFacts.faults).toEqual({ error500Rate: 1, latencyMs: 1 });
    const people = await fetch(`${zFacts.url}/core/people`, { headers: { authorization: `Bearer ${zFacts.token}` } });
    expect(people.status).toBe(500);
    expect(await people.json()).toMatchObject({ data: null, status: 500 });
    expect(await (await fetch(`${zFacts.adminUrl}/faults`)).json()).toMatchObject({ error500Rate: 1, latencyMs: 1 });

    const lFacts = JSON.parse((await printed[1])?.trim() ?? "") as {
      url: string;
      apiKey: string;
      adminUrl: string;
      rateLimit: unknown;
    };
    expect(lFacts.rateLimit).toBe(false);
    const auth = { authorization: `Basic ${btoa(`${lFacts.apiKey}:`)}` };
    const statuses = await Promise.all(
      Array.from({ length: 40 }, async () => (await fetch(`${lFacts.url}/v1/stages`, { headers: auth })).status),
    );
    expect(statuses.every((status) => status === 200)).toBe(true);
    expect(await (await fetch(`${lFacts.adminUrl}/faults`)).json()).toMatchObject({ faults: { retryAfterOn429: true } });

    zenefits.kill("SIGINT");
    lever.kill("SIGINT");
    expect((await Promise.all(done)).map((r) => r.code)).toEqual([0, 0]);
  });
});
