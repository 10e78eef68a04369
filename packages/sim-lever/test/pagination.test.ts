import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LeverSim, startLeverSim } from "../src/index";
import { api, apiJson, fetchAllPages, readJson } from "./helpers";

describe("pagination", () => {
  let sim: LeverSim;
  beforeAll(async () => {
    sim = await startLeverSim({ opportunities: 250, rateLimit: false });
  });
  afterAll(() => sim.close());

  it("following next while hasNext reaches every opportunity exactly once", async () => {
    const { records, pages } = await fetchAllPages(sim, "/v1/opportunities?confidentiality=all", 7);
    const ids = records.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(sim.truth().opportunities.map((o) => o.id)));
    expect(pages).toBe(Math.ceil(250 / 7));
  });

  it("lists only non-confidential opportunities by default", async () => {
    const { records } = await fetchAllPages(sim, "/v1/opportunities", 100);
    const expected = sim.truth().opportunities.filter((o) => o.confidentiality === "non-confidential");
    expect(records.map((o) => o.id)).toEqual(expected.map((o) => o.id));
  });

  it("uses an opaque offset token shaped like Lever's and omits next on the last page", async () => {
    const first = await apiJson(sim, "/v1/opportunities?limit=100&confidentiality=all");
    expect(first.hasNext).toBe(true);
    expect(first.next).toMatch(/^0\.\d+\.[0-9a-f-]{36}$/);
    const last = await apiJson(sim, `/v1/opportunities?limit=100&confidentiality=all&offset=0.9999999999999.zzz`);
    expect(last).toEqual({ data: [], hasNext: false });
  });

  it("keeps the cursor valid when a record changes between pages", async () => {
    const first = await apiJson(sim, "/v1/opportunities?limit=50&confidentiality=all");
    await sim.moveToOffer(first.data[10].id);
    const { records } = await fetchAllPages(sim, "/v1/opportunities?confidentiality=all", 50, first.next);
    expect(first.data.length + records.length).toBe(250);
  });

  it("defaults limit to 100 and accepts 1..100, answering 400 otherwise", async () => {
    expect((await apiJson(sim, "/v1/opportunities?confidentiality=all")).data).toHaveLength(100);
    expect((await apiJson(sim, "/v1/opportunities?limit=1")).data).toHaveLength(1);
    for (const bad of ["0", "101", "-5", "abc", "2.5"]) {
      const res = await api(sim, `/v1/opportunities?limit=${bad}`);
      expect(res.status, `limit=${bad}`).toBe(400);
      expect(await readJson(res)).toMatchObject({ code: "BadRequest" });
    }
  });

  it("answers 400 for an offset that is not a token it could have issued", async () => {
    expect((await api(sim, "/v1/opportunities?offset=page-2")).status).toBe(400);
  });

  it("paginates the other lists the same way (users, postings, stages, sub-resources)", async () => {
    const truth = sim.truth();
    const users = await fetchAllPages(sim, "/v1/users?includeDeactivated=true", 3);
    expect(users.records.map((u) => u.id)).toEqual(truth.users.map((u) => u.id));
    const postings = await fetchAllPages(sim, "/v1/postings?confidentiality=all", 4);
    expect(postings.records.map((p) => p.id)).toEqual(truth.postings.map((p) => p.id));
    const stages = await fetchAllPages(sim, "/v1/stages", 2);
    expect(stages.records).toEqual(truth.stages);
    const [oppId, forms] = Object.entries(truth.feedback).find(([, f]) => f.length >= 2) ?? [];
    const feedback = await fetchAllPages(sim, `/v1/opportunities/${oppId}/feedback`, 1);
    expect(feedback.records).toEqual(forms);
  });

  it("filters opportunities by stage_id, archived and archive_reason_id", async () => {
    const truth = sim.truth();
    const hiredIds = new Set(sim.opportunityIdsInStage("hired"));
    const hired = await fetchAllPages(
      sim,
      `/v1/opportunities?confidentiality=all&archived=true&archive_reason_id=${sim.ids.hiredArchiveReasonId}`,
      100,
    );
    expect(new Set(hired.records.map((o) => o.id))).toEqual(hiredIds);
    const inOffer = await fetchAllPages(
      sim,
      `/v1/opportunities?confidentiality=all&archived=false&stage_id=${sim.ids.offerStageId}`,
      100,
    );
    expect(inOffer.records.map((o) => o.id)).toEqual(sim.opportunityIdsInStage(sim.ids.offerStageId));
    const bad = await api(sim, "/v1/opportunities?updated_at_start=yesterday");
    expect(bad.status).toBe(400);
    const start = truth.opportunities[200]?.createdAt ?? 0;
    const recent = await fetchAllPages(sim, `/v1/opportunities?confidentiality=all&created_at_start=${start}`, 100);
    expect(recent.records).toHaveLength(50);
  });
});
