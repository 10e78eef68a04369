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
  salary: { amount: 150000, currency: "USD", interval: "year" },
  interviewers: [{ name: "Mia Lee", email: "mia.lee@acmerobotics.example", score: 4 }],
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
});
