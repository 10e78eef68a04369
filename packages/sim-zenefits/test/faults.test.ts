import { afterEach, describe, expect, it } from "vitest";
import { getJson, type ListData, postJson, useSim } from "./helpers";

describe("fault injection", () => {
  const sim = useSim({ people: 300, seed: 11 });
  afterEach(() => sim().clearFaults());

  const statuses = async (count: number, path = "/core/departments") => {
    const out: number[] = [];
    for (let i = 0; i < count; i++) {
      const response = await fetch(`${sim().url}${path}`, { headers: { authorization: `Bearer ${sim().defaultToken}` } });
      await response.arrayBuffer();
      out.push(response.status);
    }
    return out;
  };

  it("error500Rate answers some requests with the 500 envelope, deterministically for a fault seed", async () => {
    sim().setFaults({ error500Rate: 0.5, seed: 9 });
    const first = await statuses(40);
    const failures = first.filter((s) => s === 500).length;
    expect(failures).toBeGreaterThan(8);
    expect(failures).toBeLessThan(32);
    sim().setFaults({ error500Rate: 0.5, seed: 9 });
    expect(await statuses(40)).toEqual(first);
    sim().setFaults({ error500Rate: 1 });
    const failed = await getJson(`${sim().url}/core/people`, sim().defaultToken);
    expect(failed.body).toMatchObject({ data: null, object: "/meta/response", status: 500 });
  });

  it("above rateLimitPerSecond requests get 429 with Retry-After in seconds", async () => {
    sim().setFaults({ rateLimitPerSecond: 5 });
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        fetch(`${sim().url}/core/me`, { headers: { authorization: `Bearer ${sim().defaultToken}` } }),
      ),
    );
    const limited = responses.filter((r) => r.status === 429);
    expect(responses.filter((r) => r.status === 200)).toHaveLength(5);
    expect(limited).toHaveLength(5);
    expect(limited[0]?.headers.get("retry-after")).toBe("1");
    const body = (await limited[0]?.json()) as { status: number; error: string };
    expect(body.status).toBe(429);
    await Promise.all(responses.filter((r) => !r.bodyUsed).map((r) => r.arrayBuffer()));
  });

  it("every Kth list page is a truncated body: status 200 but not valid JSON", async () => {
    sim().setFaults({ truncateEveryKthListPage: 2 });
    const headers = { authorization: `Bearer ${sim().defaultToken}` };
    const first = await fetch(`${sim().url}/core/people?limit=50`, { headers });
    const firstText = await first.text();
    expect(() => JSON.parse(firstText)).not.toThrow();
    const second = await fetch(`${sim().url}/core/people?limit=50`, { headers });
    expect(second.status).toBe(200);
    const text = await second.text();
    expect(text.length).toBeLessThan(firstText.length);
    expect(firstText.startsWith(text)).toBe(true);
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it("every Kth request has its connection reset, which fetch reports as an error", async () => {
    sim().setFaults({ resetEveryKthRequest: 2 });
    const url = `${sim().url}/core/me`;
    const headers = { authorization: `Bearer ${sim().defaultToken}` };
    const ok = await fetch(url, { headers });
    expect(ok.status).toBe(200);
    await ok.arrayBuffer();
    await expect(fetch(url, { headers })).rejects.toThrow(TypeError);
    expect(sim().requestLog().byStatus.reset).toBeGreaterThanOrEqual(1);
  });

  it("latencyMs delays answers", async () => {
    sim().setFaults({ latencyMs: 150 });
    const started = performance.now();
    expect((await getJson(`${sim().url}/core/me`, sim().defaultToken)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("the malformed-record fault puts an object where first_name's string belongs", async () => {
    sim().setFaults({ malformedEveryKthListPage: 1 });
    const { body } = await getJson<ListData<{ first_name: unknown }>>(`${sim().url}/core/people?limit=10`, sim().defaultToken);
    const odd = body.data.data.filter((p) => typeof p.first_name !== "string");
    expect(odd).toHaveLength(1);
    expect(typeof odd[0]?.first_name).toBe("object");
  });

  it("paused suspends every fault; faults also hit /ats but never /__admin", async () => {
    sim().setFaults({ error500Rate: 1, paused: true });
    expect(await statuses(3)).toEqual([200, 200, 200]);
    sim().setFaults({ paused: false });
    expect(await statuses(2)).toEqual([500, 500]);
    const verify = await postJson(`${sim().url}/ats/v1/companies/${sim().companyId}/verify`, {}, sim().clientSecret());
    expect(verify.status).toBe(500);
    const admin = await fetch(`${sim().adminUrl}/faults`);
    expect(admin.status).toBe(200);
  });
});
