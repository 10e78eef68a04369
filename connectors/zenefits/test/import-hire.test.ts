import { type Connector, createActionContext, type Hire } from "@roster/core";
import { createLogger } from "@roster/logger";
import { startZenefitsSim, type ZenefitsSim } from "@roster/sim-zenefits";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { zenefits } from "../src/index";

const importHire = zenefits.actions!.importHire!;
const log = createLogger("zenefits-import-hire-test", { level: "silent" });
let sim: ZenefitsSim;
beforeAll(async () => {
  sim = await startZenefitsSim({ port: 0, people: 10, seed: 2 });
});
afterAll(async () => {
  await sim?.close();
});

/** The channel's credentials as an ATS connection stores them beside its own (here with a Lever key the channel ignores). */
const stored = () => ({
  apiKey: "lever-key-not-for-zenefits",
  zenefitsCompanyId: sim.companyId,
  zenefitsClientSecret: sim.clientSecret(),
  zenefitsBaseUrl: sim.url,
});
const context = (credentials: unknown = stored()) =>
  createActionContext(zenefits as unknown as Connector, importHire, credentials, { log, retry: { maxAttempts: 1 } });

const hire = (overrides: Partial<Hire> = {}): Hire => ({
  externalId: "opp-77",
  source: "lever",
  stage: "offer",
  firstName: "Zoë",
  lastName: "O'Brien",
  email: "zoe.obrien@example.org",
  phone: "+1 415 555 0100",
  jobTitle: "Data Engineer",
  department: "Engineering",
  workLocation: "San Francisco",
  manager: { name: "Grace Hopper", email: "grace@acme.example" },
  startDate: "2027-01-04",
  offerDate: "2026-12-01",
  salary: {
    amount: 60,
    currency: "USD",
    interval: "per-hour-wage",
    annualEquivalent: { amount: 124800, currency: "USD", derived: true, assumption: "2080 hours a year (40 h × 52 weeks)" },
  },
  employmentType: { type: "full_time", asWritten: "Full-time", source: "posting" },
  interviewers: [{ name: "Ada Lovelace", email: "ada@acme.example", score: 4, scoreLabel: "4 - Strong Hire" }],
  document: { fileName: "cv.pdf", contentType: "application/pdf", contentBase64: "JVBERi0xLjQK", source: "resume" },
  ...overrides,
});

describe("importHire: a unified hire into the Zenefits import channel", () => {
  it("sends every field in the channel's words; a re-send with the same external id updates the same import", async () => {
    // Tried: import an offer-stage hire, then the same candidate as hired. Must hold: one import
    // holding every field as the channel names it (the manager by email, the file without its
    // source), the returned id is that import's; the second send updates it (created false).
    const first = await importHire.run(context(), hire());
    expect(first.created).toBe(true);
    const [imported] = sim.atsCandidates().filter((c) => c.external_id === "opp-77");
    expect(imported).toMatchObject({
      id: first.remoteId,
      external_id: "opp-77",
      first_name: "Zoë",
      last_name: "O'Brien",
      email: "zoe.obrien@example.org",
      phone: "+1 415 555 0100",
      job_title: "Data Engineer",
      department: "Engineering",
      work_location: "San Francisco",
      manager: "grace@acme.example",
      start_date: "2027-01-04",
      offer_date: "2026-12-01",
      salary: {
        amount: 60,
        currency: "USD",
        interval: "per-hour-wage",
        annual_equivalent: { amount: 124800, currency: "USD", derived: true, assumption: "2080 hours a year (40 h × 52 weeks)" },
      },
      employment_type: { type: "full_time", as_written: "Full-time", source: "posting" },
      interviewers: [{ name: "Ada Lovelace", email: "ada@acme.example", score: 4, score_label: "4 - Strong Hire" }],
      resume: { file_name: "cv.pdf", content_type: "application/pdf", content_base64: "JVBERi0xLjQK" },
      source: "lever",
      stage: "offer",
    });

    const second = await importHire.run(context(), hire({ stage: "hired" }));
    expect(second).toMatchObject({ remoteId: first.remoteId, created: false });
    expect(sim.atsCandidates().filter((c) => c.external_id === "opp-77")).toMatchObject([{ stage: "hired" }]);
  });

  it("checks the channel's Company ID and Client Secret, not the connection's HR token", async () => {
    // Tried: verify with the stored channel credentials, then with a wrong client secret.
    // Must hold: the company is named; the wrong secret is refused naming the Company ID and Client Secret.
    expect(await importHire.verify(context())).toMatchObject({ account: { id: expect.any(String) } });
    await expect(importHire.verify(context({ ...stored(), zenefitsClientSecret: "not-the-client-secret" }))).rejects.toThrow(
      /Company ID and Client Secret/,
    );
  });
});
