import { describe, expect, it } from "vitest";
import { postJson, useSim } from "./helpers";

const candidate = {
  external_id: "opp-1001",
  first_name: "José",
  last_name: "Núñez",
  email: "jose.nunez@candidates.example",
  phone: "+1 415 555 0100",
  job_title: "Software Engineer",
  department: "Engineering",
  work_location: "San Francisco Office",
  manager: "nathan.ash@acmerobotics.example",
  start_date: "2025-08-01",
  offer_date: "2025-07-10",
  salary: { amount: 150000, currency: "USD", interval: "per-year-salary" },
  employment_type: { type: "full_time", as_written: "Full-time", source: "posting" },
  interviewers: [{ name: "Mia Lee", email: "mia.lee@acmerobotics.example", score: 4, score_label: "4 - Strong Hire" }],
  resume: { file_name: "resume.pdf", content_type: "application/pdf", content_base64: "JVBERi0xLjQK" },
  source: "lever",
  stage: "hired",
};

describe("ATS import channel (Roster's invented contract)", () => {
  const sim = useSim({ people: 30, seed: 8 });
  const base = () => `${sim().url}/ats/v1/companies/${sim().companyId}`;

  it("verify accepts the company's client secret and rejects a wrong secret or company with 401", async () => {
    const ok = await postJson(`${base()}/verify`, {}, sim().clientSecret());
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { ok: boolean; company: { id: string; name: string } };
    expect(body).toEqual({ ok: true, company: { id: sim().companyId, name: "Acme Robotics" } });
    expect((await postJson(`${base()}/verify`, {}, "wrong-secret")).status).toBe(401);
    expect((await postJson(`${base()}/verify`, {})).status).toBe(401);
    const unknownCompany = await postJson(`${sim().url}/ats/v1/companies/1/verify`, {}, sim().clientSecret());
    expect(unknownCompany.status).toBe(401);
  });

  it("a candidate without first_name, last_name and email is rejected with 400 naming each field", async () => {
    const response = await postJson(`${base()}/candidates`, { external_id: "opp-x", phone: "1" }, sim().clientSecret());
    expect(response.status).toBe(400);
    const body = (await response.json()) as { ok: boolean; error: string; fields: { field: string }[] };
    expect(body.ok).toBe(false);
    expect(body.error).toBe("validation_failed");
    expect(body.fields.map((f) => f.field).sort()).toEqual(["email", "first_name", "last_name"]);
    const badEmail = await postJson(`${base()}/candidates`, { ...candidate, email: "nope" }, sim().clientSecret());
    expect(badEmail.status).toBe(400);
  });

  it("pushing is idempotent on external_id: 201 created, then 200 with the same id and the payload updated", async () => {
    const first = await postJson(`${base()}/candidates`, candidate, sim().clientSecret());
    expect(first.status).toBe(201);
    const created = (await first.json()) as { id: string; status: string; created: boolean };
    expect(created).toMatchObject({ status: "available_for_import", created: true });
    const again = await postJson(`${base()}/candidates`, { ...candidate, job_title: "Staff Engineer" }, sim().clientSecret());
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ id: created.id, status: "available_for_import", created: false });
    const stored = sim()
      .atsCandidates()
      .filter((c) => c.external_id === "opp-1001");
    expect(stored).toHaveLength(1);
    expect(stored[0]?.job_title).toBe("Staff Engineer");
    const fetched = await fetch(`${base()}/candidates/${created.id}`, {
      headers: { authorization: `Bearer ${sim().clientSecret()}` },
    });
    expect(((await fetched.json()) as { resume: { file_name: string } }).resume.file_name).toBe("resume.pdf");
  });

  it("the candidate list is searchable by name (accent-insensitive) and e-mail, and needs the secret", async () => {
    const secret = sim().clientSecret();
    await postJson(
      `${base()}/candidates`,
      { ...candidate, external_id: "opp-2", first_name: "Zoë", last_name: "O'Brien", email: "zoe@cand.example" },
      secret,
    );
    const search = async (q: string) => {
      const response = await fetch(`${base()}/candidates?q=${encodeURIComponent(q)}`, {
        headers: { authorization: `Bearer ${secret}` },
      });
      return ((await response.json()) as { data: { first_name: string }[] }).data.map((c) => c.first_name);
    };
    expect(await search("jose")).toEqual(["José"]);
    expect(await search("o'brien")).toEqual(["Zoë"]);
    expect(await search("cand.example")).toEqual(["Zoë"]);
    expect((await search("")).sort()).toEqual(["José", "Zoë"]);
    expect((await fetch(`${base()}/candidates`)).status).toBe(401);
    const admin = await fetch(`${sim().adminUrl}/ats/candidates`);
    expect(((await admin.json()) as { data: unknown[] }).data).toHaveLength(2);
  });

  it("stores an hourly salary with its derived annual figure, the employment type and scored interviewers as sent", async () => {
    // Tried: a push with Lever's own interval word, a derived annual equivalent, an intern
    // posting's words and an interviewer who never submitted; then GET it back over HTTP.
    // Must hold: every one of those fields comes back exactly as sent (the simulator only receives).
    const secret = sim().clientSecret();
    const hourly = {
      ...candidate,
      external_id: "opp-hourly",
      salary: {
        amount: 31.5,
        currency: "USD",
        interval: "per-hour-wage",
        annual_equivalent: { amount: 65520, currency: "USD", derived: true, assumption: "2080 hours a year (40 h × 52 weeks)" },
      },
      employment_type: { type: "intern", as_written: "Intern", source: "posting" },
      interviewers: [
        { name: "Mia Lee", email: "mia.lee@acmerobotics.example", score: 3, score_label: "3 - Hire" },
        { name: "Noor Ali", email: null, score: null, score_label: null },
      ],
    };
    const pushed = await postJson(`${base()}/candidates`, hourly, secret);
    expect(pushed.status).toBe(201);
    const { id } = (await pushed.json()) as { id: string };
    const fetched = await fetch(`${base()}/candidates/${id}`, { headers: { authorization: `Bearer ${secret}` } });
    const stored = (await fetched.json()) as Record<string, unknown>;
    expect(stored).toMatchObject({
      salary: hourly.salary,
      employment_type: hourly.employment_type,
      interviewers: hourly.interviewers,
    });
  });

  it("refuses an annual equivalent not marked as derived, or an unknown employment type, naming the field", async () => {
    const secret = sim().clientSecret();
    const notDerived = await postJson(
      `${base()}/candidates`,
      {
        ...candidate,
        external_id: "opp-bad-salary",
        salary: {
          amount: 30,
          currency: "USD",
          interval: "per-hour-wage",
          annual_equivalent: { amount: 62400, currency: "USD", derived: false, assumption: "x" },
        },
      },
      secret,
    );
    expect(notDerived.status).toBe(400);
    expect(((await notDerived.json()) as { fields: { field: string }[] }).fields.map((f) => f.field)).toEqual([
      "salary.annual_equivalent.derived",
    ]);
    const badType = await postJson(
      `${base()}/candidates`,
      { ...candidate, external_id: "opp-bad-type", employment_type: { type: "gig", as_written: "Gig", source: "posting" } },
      secret,
    );
    expect(badType.status).toBe(400);
    expect(
      sim()
        .atsCandidates()
        .filter((c) => c.external_id?.startsWith("opp-bad")),
    ).toEqual([]);
  });
});
