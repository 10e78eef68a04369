import { type Connector, ConnectorError, createConnectorContext } from "@roster/core";
import { createLogger } from "@roster/logger";
import { type LeverSim, startLeverSim } from "@roster/sim-lever";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  downloadFile,
  downloadResume,
  getOpportunity,
  getPosting,
  lever,
  listFeedback,
  listFiles,
  listHiredSince,
  listInterviews,
  listOffers,
  listResumes,
  offerField,
  overallRating,
  overallScore,
  pickOffer,
  postingIdOf,
} from "../src/index";

let sim: LeverSim;
const log = createLogger("lever-read-test", { level: "silent" });
const ctx = (apiKey = sim.apiKey) =>
  createConnectorContext(
    lever as unknown as Connector<typeof lever.manifest.credentials>,
    { apiKey, baseUrl: `${sim.url}/v1` },
    { log },
  );

beforeAll(async () => {
  // Lever's real rate limit stays on: the helpers must live within 10/s, burst 20.
  sim = await startLeverSim({ opportunities: 40, seed: 3 });
});
afterAll(async () => {
  await sim?.close();
});

const ids = () => sim.truth().opportunities.map((o) => o.id);

describe("read helpers for the hire export", () => {
  it("reads an opportunity with its application, posting and signed offer", async () => {
    // Tried: seeded opportunity 0 (hired). Must hold: the posting is found through the expanded
    // application; the offer used is the signed one; offer fields are read by identifier.
    const id = ids()[0]!;
    const truth = sim.truth();
    const opportunity = await getOpportunity(ctx(), id);
    expect(opportunity.name).toBe(truth.opportunities[0]?.name);
    const postingId = postingIdOf(opportunity);
    const application = truth.applications.find((a) => a.opportunityId === id);
    expect(postingId).toBe(application?.posting);
    expect((await getPosting(ctx(), postingId!)).text).toBe(truth.postings.find((p) => p.id === postingId)?.text);
    const offer = pickOffer(await listOffers(ctx(), id));
    expect(offer?.status).toBe("signed");
    const expected = truth.offers[id]?.find((o) => o.status === "signed");
    expect(offerField(offer, "salary_amount")).toBe(expected?.fields.find((f) => f.identifier === "salary_amount")?.value);
  });

  it("downloads resume and file bytes as Lever serves them; an unprocessable resume is a 422", async () => {
    // Tried: opportunity 0 (resume), 1 (files only), 3 (resume Lever could not process).
    // Must hold: bytes equal the simulator's; the 422 surfaces as a ConnectorError with status 422.
    const [first, second, , fourth] = ids();
    const resumes = await listResumes(ctx(), first!);
    const resume = await downloadResume(ctx(), first!, resumes[0]!);
    const direct = await fetch(`${sim.url}/v1/opportunities/${first}/resumes/${resumes[0]!.id}/download`, {
      headers: { Authorization: `Basic ${Buffer.from(`${sim.apiKey}:`).toString("base64")}` },
    });
    expect(Buffer.from(resume.bytes).equals(Buffer.from(await direct.arrayBuffer()))).toBe(true);
    expect(resume.fileName).toBe(resumes[0]!.file?.name);
    expect(await listResumes(ctx(), second!)).toEqual([]);
    const files = await listFiles(ctx(), second!);
    const file = await downloadFile(ctx(), second!, files[0]!);
    expect(file.bytes.byteLength).toBe(files[0]!.size);
    const broken = (await listResumes(ctx(), fourth!))[0]!;
    const error = await downloadResume(ctx(), fourth!, broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).status).toBe(422);
  });

  it("lists interviews and live scorecards with their overall rating", async () => {
    // Tried: a hired opportunity's feedback. Must hold: deleted forms are left out; each live
    // form's rating is the score-system value, its score the number that value starts with.
    const id = ids()[0]!;
    const truth = sim.truth();
    const live = (truth.feedback[id] ?? []).filter((f) => f.deletedAt === null);
    const forms = await listFeedback(ctx(), id);
    expect(forms.map((f) => f.id).sort()).toEqual(live.map((f) => f.id).sort());
    for (const form of forms) {
      const rating = live.find((f) => f.id === form.id)?.fields.find((f) => f.type === "score-system")?.value;
      expect(overallRating(form)).toBe(rating);
      expect(overallScore(form)).toEqual({ score: Number(String(rating).charAt(0)), label: rating });
    }
    expect((await listInterviews(ctx(), id)).length).toBe(truth.interviews[id]?.length ?? 0);
  });

  it("lists hires changed since a moment, and only hires", async () => {
    // Tried: hire one candidate now, then list hires since a minute ago. Must hold: exactly that one.
    const since = new Date(Date.now() - 60_000);
    const target = sim.opportunityIdsInStage(sim.ids.offerStageId).at(-1)!;
    await sim.hire(target);
    expect((await listHiredSince(ctx(), since)).map((o) => o.id)).toEqual([target]);
  });

  it("verify names each permission a key lacks and the account by its email domain", async () => {
    // Tried: a key without offers and feedback. Must hold: exactly those two missing.
    const key = sim.createApiKey({
      scopes: lever.manifest.permissions
        .map((p) => p.id)
        .filter((id) => id !== "offers:read:admin" && id !== "feedback:read:admin"),
    });
    const result = await lever.verify(ctx(key));
    expect(result.missing).toEqual(["offers:read:admin", "feedback:read:admin"]);
    expect(result.account.name).toBe("Lever account (acme.example)");
    expect(JSON.stringify(result)).not.toContain(key);
  });
});
