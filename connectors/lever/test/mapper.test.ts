import { candidateSchema } from "@roster/core";
import { describe, expect, it } from "vitest";
import { type CandidateRecord, mapCandidate, splitName } from "../src/index";

const opportunity = {
  id: "1bd11d54-9d97-444a-a4e3-1cd56ceedbc5",
  name: "Shane  Smith",
  emails: ["shane@example.com"],
  phones: [{ type: "mobile", value: "(123) 456-7891" }],
  stage: "f48aad6f-91f7-4e87-b3f3-5e7a9207e54b",
  archived: null,
  opportunityLocation: "San Francisco",
  createdAt: 1732268609589,
  updatedAt: 1732523126474,
};
const offerStage = { id: "f48aad6f-91f7-4e87-b3f3-5e7a9207e54b", text: "Offer" };
const record = (overrides: Partial<CandidateRecord> = {}, o: object = {}): CandidateRecord => ({
  opportunity: { ...opportunity, ...o },
  stage: offerStage,
  archiveReason: null,
  posting: { id: "p1", text: "Back End Engineer", location: "Oakland" },
  ...overrides,
});

describe("candidate mapper", () => {
  it("maps an opportunity in the Offer stage to an offer candidate with its job", () => {
    const mapped = mapCandidate(record());
    expect(mapped.ok && candidateSchema.safeParse(mapped.value).success).toBe(true);
    expect(mapped.ok && mapped.value).toMatchObject({
      remoteId: opportunity.id,
      firstName: "Shane",
      lastName: "Smith",
      displayName: "Shane  Smith",
      email: "shane@example.com",
      phone: "(123) 456-7891",
      status: "offer",
      stageName: "Offer",
      jobTitle: "Back End Engineer",
      jobLocation: "Oakland",
      hiredAt: null,
      archivedAt: null,
      remoteUpdatedAt: new Date(1732523126474).toISOString(),
    });
  });

  it("reads status from the archive reason's type: hired, archived, else active", () => {
    // Tried: hired archive, non-hired archive, an active non-offer stage. Must hold: hired (with
    // hiredAt), archived (no hiredAt), active.
    const archived = { reason: "r", archivedAt: 1732451503446 };
    const hired = mapCandidate(record({ archiveReason: { id: "r", text: "Hired", type: "hired" } }, { archived }));
    expect(hired.ok && [hired.value.status, hired.value.hiredAt]).toEqual(["hired", new Date(1732451503446).toISOString()]);
    const rejected = mapCandidate(record({ archiveReason: { id: "r", text: "Withdrew", type: "non-hired" } }, { archived }));
    expect(rejected.ok && [rejected.value.status, rejected.value.hiredAt]).toEqual(["archived", null]);
    const screening = mapCandidate(record({ stage: { id: "s", text: "Phone Interview" } }));
    expect(screening.ok && screening.value.status).toBe("active");
  });

  it("reports an unexpected shape with the id and the field at fault", () => {
    expect(mapCandidate(record({}, { emails: "not-a-list" }))).toMatchObject({
      ok: false,
      remoteId: opportunity.id,
      reason: expect.stringContaining("emails"),
    });
  });

  it("splits names on the last space; one word is a first name only", () => {
    expect(splitName("Nguyễn Thị Minh")).toEqual({ firstName: "Nguyễn Thị", lastName: "Minh" });
    expect(splitName("王芳")).toEqual({ firstName: "王芳", lastName: null });
    expect(splitName("  ")).toEqual({ firstName: null, lastName: null });
  });
});
