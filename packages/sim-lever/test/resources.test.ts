import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LeverSim, startLeverSim } from "../src/index";
import { api, apiJson, readJson } from "./helpers";

const keys = (o: object) => Object.keys(o).sort();

describe("resource shapes follow the reference (§4)", () => {
  let sim: LeverSim;
  beforeAll(async () => {
    sim = await startLeverSim({ rateLimit: false });
  });
  afterAll(() => sim.close());

  it("serves an opportunity with the recorded field set and epoch-ms timestamps", async () => {
    const hiredId = sim.opportunityIdsInStage("hired")[0];
    const { data } = await apiJson(sim, `/v1/opportunities/${hiredId}`);
    expect(keys(data)).toEqual(
      [
        "id",
        "name",
        "headline",
        "contact",
        "emails",
        "phones",
        "links",
        "location",
        "confidentiality",
        "stage",
        "stageChanges",
        "archived",
        "tags",
        "sources",
        "origin",
        "sourcedBy",
        "owner",
        "followers",
        "applications",
        "createdAt",
        "updatedAt",
        "lastInteractionAt",
        "lastAdvancedAt",
        "snoozedUntil",
        "urls",
        "dataProtection",
        "isAnonymized",
        "opportunityLocation",
      ].sort(),
    );
    expect(data.archived).toEqual({ reason: sim.ids.hiredArchiveReasonId, archivedAt: expect.any(Number) });
    expect(data.stage).toBe(sim.ids.offerStageId);
    expect(Number.isInteger(data.createdAt)).toBe(true);
    expect(data.stageChanges[0]).toEqual({
      toStageId: expect.any(String),
      toStageIndex: expect.any(Number),
      updatedAt: expect.any(Number),
      userId: expect.any(String),
    });
    expect(data.applications).toHaveLength(1);
  });

  it("expands contact, stage, owner and applications, and include= is subtractive", async () => {
    const id = sim.truth().opportunities[0]?.id;
    const { data } = await apiJson(sim, `/v1/opportunities/${id}?expand=contact&expand=stage&expand=owner&expand=applications`);
    expect(keys(data.contact)).toEqual(["emails", "headline", "id", "isAnonymized", "location", "name", "phones"]);
    expect(data.stage).toEqual({ id: sim.ids.offerStageId, text: "Offer" });
    expect(data.owner.email).toMatch(/@acme\.example$/);
    expect(data.applications[0]).toMatchObject({ opportunityId: id, type: expect.any(String), posting: expect.any(String) });
    const slim = await apiJson(sim, `/v1/opportunities/${id}?include=name&include=emails&expand=stage`);
    expect(keys(slim.data)).toEqual(["emails", "id", "name", "stage"]);
  });

  it("serves offers with the reference's field identifiers, whole-unit salary and epoch-ms dates", async () => {
    const hiredId = sim.opportunityIdsInStage("hired")[0];
    const { data, hasNext } = await apiJson(sim, `/v1/opportunities/${hiredId}/offers`);
    expect(hasNext).toBe(false);
    const offer = data.at(-1);
    expect(offer.status).toBe("signed");
    expect(keys(offer)).toEqual([
      "approvedAt",
      "createdAt",
      "creator",
      "fields",
      "id",
      "sentAt",
      "sentDocument",
      "signatures",
      "signedDocument",
      "status",
    ]);
    const field = (id: string) => offer.fields.find((f: { identifier: string }) => f.identifier === id)?.value;
    for (const id of [
      "job_posting",
      "job_title",
      "candidate_name",
      "salary_amount",
      "compensation_currency",
      "salary_interval",
      "hiring_manager",
      "direct_manager",
      "today_date",
      "anticipated_start_date",
    ]) {
      expect(field(id), id).not.toBeUndefined();
    }
    expect(Number.isInteger(field("salary_amount"))).toBe(true);
    expect(["USD", "GBP", "EUR", "CAD"]).toContain(field("compensation_currency"));
    expect(["per-year-salary", "per-hour-wage"]).toContain(field("salary_interval"));
    expect(field("anticipated_start_date") % 86_400_000).toBe(0);
    expect(offer.sentAt).toEqual(expect.any(Number));
    expect(offer.signedDocument.downloadUrl).toBe(
      `${sim.url}/v1/opportunities/${hiredId}/offers/${offer.id}/download?status=signed`,
    );
    const creator = await apiJson(sim, `/v1/opportunities/${hiredId}/offers?expand=creator`);
    expect(creator.data.at(-1).creator.id).toBe(offer.creator);
  });

  it("gives every opportunity in Offer or hired an offer, and no one else", () => {
    const t = sim.truth();
    const withOffer = new Set(Object.keys(t.offers));
    const expected = new Set([...sim.opportunityIdsInStage(sim.ids.offerStageId), ...sim.opportunityIdsInStage("hired")]);
    expect(withOffer).toEqual(expected);
  });

  it("serves resumes, files, feedback, interviews, panels, users, postings, stages and archive reasons", async () => {
    const t = sim.truth();
    const [rid, resumes] = Object.entries(t.resumes)[0] ?? [];
    const resume = (await apiJson(sim, `/v1/opportunities/${rid}/resumes/${resumes?.[0]?.id}`)).data;
    expect(keys(resume)).toEqual(["createdAt", "file", "id", "parsedData"]);
    expect(keys(resume.file)).toEqual(["downloadUrl", "ext", "name", "size", "status", "uploadedAt"]);
    const [fid, files] = Object.entries(t.files)[0] ?? [];
    const file = (await apiJson(sim, `/v1/opportunities/${fid}/files`)).data[0];
    expect(file).toEqual(files?.[0]);
    expect(keys(file)).toEqual(["downloadUrl", "ext", "id", "name", "size", "status", "uploadedAt"]);
    const [qid] = Object.entries(t.feedback)[0] ?? [];
    const form = (await apiJson(sim, `/v1/opportunities/${qid}/feedback`)).data[0];
    expect(form.type).toBe("interview");
    expect(form.fields.filter((f: { type: string }) => f.type === "score-system")).toHaveLength(1);
    expect(form.fields.find((f: { type: string }) => f.type === "score-system").value).toMatch(/^[1-4] - /);
    const interview = (await apiJson(sim, `/v1/opportunities/${qid}/interviews`)).data[0];
    expect(interview.interviewers[0]).toEqual({
      id: expect.any(String),
      name: expect.any(String),
      email: expect.stringMatching(/@acme\.example$/),
      feedbackTemplate: expect.any(String),
    });
    expect(interview.feedbackForms).toContain(form.id);
    const panel = (await apiJson(sim, `/v1/opportunities/${qid}/panels`)).data[0];
    expect(panel.interviews[0].id).toBe(interview.id);
    const user = (await apiJson(sim, "/v1/users?limit=1")).data[0];
    expect(keys(user)).toEqual([
      "accessRole",
      "createdAt",
      "deactivatedAt",
      "email",
      "externalDirectoryId",
      "id",
      "jobTitle",
      "linkedContactIds",
      "managerId",
      "name",
      "photo",
      "username",
    ]);
    const byEmail = await apiJson(sim, `/v1/users?email=${encodeURIComponent(user.email)}`);
    expect(byEmail.data).toEqual([user]);
    const posting = (await apiJson(sim, "/v1/postings?limit=1")).data[0];
    expect(keys(posting.categories)).toEqual(["allLocations", "commitment", "department", "level", "location", "team"]);
    expect(posting.salaryRange).toMatchObject({
      min: expect.any(Number),
      max: expect.any(Number),
      currency: expect.any(String),
      interval: expect.any(String),
    });
    const offerStage = (await apiJson(sim, `/v1/stages/${sim.ids.offerStageId}`)).data;
    expect(offerStage).toEqual({ id: sim.ids.offerStageId, text: "Offer" });
    const hiredReasons = (await apiJson(sim, "/v1/archive_reasons?type=hired")).data;
    expect(hiredReasons).toEqual([{ id: sim.ids.hiredArchiveReasonId, text: "Hired", status: "active", type: "hired" }]);
  });

  it("hides deactivated users unless includeDeactivated=true", async () => {
    const t = sim.truth();
    const active = await apiJson(sim, "/v1/users");
    expect(active.data).toHaveLength(t.users.filter((u) => u.deactivatedAt === null).length);
    expect(active.data.length).toBeLessThan(t.users.length);
  });

  it("seeds the edge cases tests rely on: missing email, resume/files/neither, unicode, a shared contact", () => {
    const t = sim.truth();
    const [hired, offerFilesOnly, hiredNoEmail, unprocessable] = t.opportunities;
    expect(t.resumes[hired?.id ?? ""]).toHaveLength(1);
    expect(t.resumes[offerFilesOnly?.id ?? ""]).toBeUndefined();
    expect(t.files[offerFilesOnly?.id ?? ""]?.length).toBeGreaterThan(0);
    expect(hiredNoEmail?.emails).toEqual([]);
    expect(t.resumes[hiredNoEmail?.id ?? ""] ?? t.files[hiredNoEmail?.id ?? ""]).toBeUndefined();
    expect(t.resumes[unprocessable?.id ?? ""]?.[0]?.file.status).toBe("error");
    expect(t.opportunities.at(-1)?.contact).toBe(hired?.contact);
    expect(t.opportunities.some((o) => [...o.name].some((ch) => ch.charCodeAt(0) > 127))).toBe(true);
    expect(t.opportunities.filter((o) => o.emails.length === 0).length).toBeGreaterThan(0);
  });

  it("answers GET /v1/contacts/:id with the person behind an opportunity", async () => {
    const o = sim.truth().opportunities[0];
    const res = await api(sim, `/v1/contacts/${o?.contact}`);
    expect(res.status).toBe(200);
    expect((await readJson(res)).data).toMatchObject({ id: o?.contact, name: o?.name, emails: o?.emails });
  });
});
