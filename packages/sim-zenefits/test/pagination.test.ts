import { describe, expect, it } from "vitest";
import { fetchAll, getJson, type ListData, numericAscending, useSim } from "./helpers";

type Row = { id: string };

describe("envelope and pagination", () => {
  const sim = useSim({ people: 1234, seed: 7 });

  it("walking next_url with limit=100 reaches every person exactly once, in ascending id order", async () => {
    const { url, defaultToken } = sim();
    const { records, pages } = await fetchAll<Row>(`${url}/core/people?limit=100`, defaultToken);
    const ids = records.map((r) => r.id);
    expect(pages).toBe(13);
    expect(new Set(ids).size).toBe(1234);
    expect(ids).toEqual(
      sim()
        .truth()
        .people.map((p) => p.id),
    );
    expect(numericAscending(ids)).toBe(true);
  });

  it("wraps lists twice: {data:{data,next_url,object:'/meta/list',url},error:null,object:'/meta/response',status:200}", async () => {
    const { url, defaultToken } = sim();
    const { status, body } = await getJson<ListData>(`${url}/core/departments`, defaultToken);
    expect(status).toBe(200);
    expect(body).toMatchObject({ error: null, object: "/meta/response", status: 200 });
    expect(body.data).toMatchObject({ object: "/meta/list", url: `${url}/core/departments` });
    expect(Array.isArray(body.data.data)).toBe(true);
  });

  it("wraps a single object once: data is the object itself", async () => {
    const { url, defaultToken } = sim();
    const first = sim().truth().people[0];
    const { body } = await getJson<Record<string, unknown>>(`${url}/core/people/${first?.id}`, defaultToken);
    expect(body).toEqual({ data: first, error: null, object: "/meta/response", status: 200 });
  });

  it("defaults limit to 20, cuts limit=500 to 100, and reads 0, -5 and abc as the default (DRF's positive-int rule)", async () => {
    const { url, defaultToken } = sim();
    const sizes: Record<string, number> = {};
    for (const query of ["", "?limit=500", "?limit=0", "?limit=-5", "?limit=abc", "?limit=", "?limit=7"]) {
      sizes[query] = (await getJson<ListData>(`${url}/core/people${query}`, defaultToken)).body.data.data.length;
    }
    expect(sizes).toEqual({
      "": 20,
      "?limit=500": 100,
      "?limit=0": 20,
      "?limit=-5": 20,
      "?limit=abc": 20,
      "?limit=": 20,
      "?limit=7": 7,
    });
  });

  it("a repeated parameter counts by its last copy, and next_url carries one clean copy of it", async () => {
    // Tried: what a client that both follows next_url and adds its own limit sends (Airbyte's paginator),
    // repeated cursors and includes, and invalid limits. Must hold: the last copy decides; next_url has
    // one limit (the one used), one includes, one cursor, and keeps other parameters as sent.
    const { url, defaultToken } = sim();
    const people = sim().truth().people;
    const pivot = people[10]?.id as string;
    const repeated = await getJson<ListData<Row>>(
      `${url}/core/people?limit=3&limit=5&starting_after=${people[0]?.id}&starting_after=${pivot}`,
      defaultToken,
    );
    expect(repeated.body.data.data.map((r) => r.id)).toEqual(people.slice(11, 16).map((p) => p.id));
    expect(repeated.body.data.next_url).toBe(`${url}/core/people?limit=5&starting_after=${people[15]?.id}`);

    const doubled = await getJson<ListData<Row>>(`${url}/core/people?limit=100&limit=100&starting_after=${pivot}`, defaultToken);
    expect(doubled.body.data.next_url).toBe(`${url}/core/people?limit=100&starting_after=${people[110]?.id}`);

    const tooBig = await getJson<ListData<Row>>(`${url}/core/people?limit=1000`, defaultToken);
    expect(tooBig.body.data.next_url).toBe(`${url}/core/people?limit=100&starting_after=${people[99]?.id}`);
    const notANumber = await getJson<ListData<Row>>(`${url}/core/people?limit=abc`, defaultToken);
    expect(notANumber.body.data.next_url).toBe(`${url}/core/people?limit=20&starting_after=${people[19]?.id}`);

    const mixed = await getJson<ListData<Record<string, unknown>>>(
      `${url}/core/people?includes=department&status=active&limit=2&includes=manager&status=active`,
      defaultToken,
    );
    expect(mixed.body.data.next_url).toBe(
      `${url}/core/people?includes=manager&status=active&limit=2&status=active&starting_after=${people[1]?.id}`,
    );
    const first = mixed.body.data.data[0] as Record<string, { object: string }>;
    expect(first.department?.object).toBe("/meta/ref/detail");

    const walked = await fetchAll<Row>(`${url}/core/people?limit=100&limit=100`, defaultToken);
    expect(walked.records.map((r) => r.id)).toEqual(people.map((p) => p.id));
  });

  it("next_url is absolute on the simulator's host, carries limit and starting_after, and is null on the last page", async () => {
    const { url, defaultToken } = sim();
    const first = await getJson<ListData<Row>>(`${url}/core/people?limit=7`, defaultToken);
    const lastId = first.body.data.data.at(-1)?.id;
    expect(first.body.data.next_url).toBe(`${url}/core/people?limit=7&starting_after=${lastId}`);
    const noLimit = await getJson<ListData>(`${url}/core/people`, defaultToken);
    expect(noLimit.body.data.next_url).toMatch(new RegExp(`^${url}/core/people\\?starting_after=\\d+$`));
    const people = sim().truth().people;
    const beforeLast = people[people.length - 3]?.id;
    const last = await getJson<ListData<Row>>(`${url}/core/people?limit=100&starting_after=${beforeLast}`, defaultToken);
    expect(last.body.data.data.map((r) => r.id)).toEqual(people.slice(-2).map((p) => p.id));
    expect(last.body.data.next_url).toBeNull();
  });

  it("starting_after works when passed directly, even for an id that does not exist", async () => {
    const { url, defaultToken } = sim();
    const people = sim().truth().people;
    const pivot = people[500]?.id as string;
    const page = await getJson<ListData<Row>>(`${url}/core/people?limit=3&starting_after=${pivot}`, defaultToken);
    expect(page.body.data.data.map((r) => r.id)).toEqual(people.slice(501, 504).map((p) => p.id));
    const missing = String(BigInt(people[10]?.id as string) + 1n);
    const gap = await getJson<ListData<Row>>(`${url}/core/people?limit=1&starting_after=${missing}`, defaultToken);
    expect(BigInt(gap.body.data.data[0]?.id as string) > BigInt(missing)).toBe(true);
  });

  it("ending_before pages backwards, each page still ascending", async () => {
    const { url, defaultToken } = sim();
    const people = sim().truth().people;
    const pivot = people[50]?.id as string;
    const page = await getJson<ListData<Row>>(`${url}/core/people?limit=5&ending_before=${pivot}`, defaultToken);
    expect(page.body.data.data.map((r) => r.id)).toEqual(people.slice(45, 50).map((p) => p.id));
    expect(page.body.data.next_url).toBe(`${url}/core/people?limit=5&ending_before=${people[45]?.id}`);
  });

  it("accepts the trailing-slash form of every path", async () => {
    const { url, defaultToken } = sim();
    const person = sim().truth().people[3];
    for (const path of ["/core/people/", "/core/departments/", "/core/me/", `/core/people/${person?.id}/`]) {
      expect((await getJson(`${url}${path}`, defaultToken)).status, path).toBe(200);
    }
  });

  it("sub-collections paginate the same way (departments/{id}/people, people/{id}/subordinates)", async () => {
    const { url, defaultToken } = sim();
    const truth = sim().truth();
    const department = truth.departments[0]?.id as string;
    const inDepartment = truth.people.filter((p) => p.department.url?.endsWith(`/${department}`)).map((p) => p.id);
    const { records, pages } = await fetchAll<Row>(`${url}/core/departments/${department}/people?limit=10`, defaultToken);
    expect(records.map((r) => r.id)).toEqual(inDepartment);
    expect(pages).toBe(Math.ceil(inDepartment.length / 10));
    const root = truth.people[0]?.id as string;
    const reports = truth.people.filter((p) => p.manager.url === `${url}/core/people/${root}`).map((p) => p.id);
    const subordinates = await fetchAll<Row>(`${url}/core/people/${root}/subordinates`, defaultToken);
    expect(subordinates.records.map((r) => r.id)).toEqual(reports);
  });

  it("every list endpoint (incl. /core/companies/{id}/...) pages to exactly the oracle's records, and details match", async () => {
    const { url, defaultToken, companyId } = sim();
    const truth = sim().truth();
    const cases: [string, { id: string }[]][] = [
      ["/core/companies", truth.companies],
      ["/core/departments", truth.departments],
      ["/core/locations", truth.locations],
      ["/core/employments", truth.employments],
      ["/core/custom_fields", truth.customFields],
      ["/core/custom_field_values", truth.customFieldValues],
      [`/core/companies/${companyId}/people`, truth.people],
      [`/core/companies/${companyId}/departments`, truth.departments],
      [`/core/companies/${companyId}/locations`, truth.locations],
    ];
    for (const [path, expected] of cases) {
      const { records } = await fetchAll<{ id: string }>(`${url}${path}?limit=37`, defaultToken);
      expect(records, path).toEqual(expected);
      const sample = expected[Math.floor(expected.length / 2)];
      const collection = path.split("/").at(-1);
      if (!path.startsWith("/core/companies/") && sample) {
        const detail = await getJson(`${url}/core/${collection}/${sample.id}`, defaultToken);
        expect(detail.body.data, `${path}/${sample.id}`).toEqual(sample);
      }
    }
    const rehired = truth.people.find((p) => truth.employments.filter((e) => e.person.url === p.url).length === 2) as {
      id: string;
      url: string;
    };
    const employments = await fetchAll<{ id: string }>(`${url}/core/people/${rehired.id}/employments`, defaultToken);
    expect(employments.records).toEqual(truth.employments.filter((e) => e.person.url === rehired.url));
  });

  it("answers 400 for a non-numeric cursor and 404 for unknown ids and paths", async () => {
    const { url, defaultToken } = sim();
    expect((await getJson(`${url}/core/people?starting_after=abc`, defaultToken)).status).toBe(400);
    const missing = await getJson(`${url}/core/people/1`, defaultToken);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ data: null, error: "Not found.", object: "/meta/response", status: 404 });
    expect((await getJson(`${url}/core/nothing`, defaultToken)).status).toBe(404);
  });
});
