import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendHireNow } from "../src/index";
import { findCandidates } from "./helpers/expected";
import { startWorld, type World } from "./helpers/world";

let w: World;
beforeAll(async () => {
  // Zenefits offers mode: the "Send to Zenefits" button exists, so seeded candidates can be sent by hand.
  w = await startWorld({ opportunities: 40, seed: 7, settings: { offersMode: "zenefits" } });
});
afterAll(async () => {
  await w?.close();
});

const ids = () => w.lever.truth().opportunities.map((o) => o.id);
describe("which document goes to Zenefits as the resume", () => {
  it("exports them that way through the Send-to-Zenefits button: resume, file, or no resume", async () => {
    // Tried: "Send to Zenefits" for #0 (hired, resume), #1 (in Offer, files only) and a candidate
    // with neither moved to Offer. Must hold: Zenefits holds #0 with its resume as hired, #1 with
    // its first file as an offer-stage candidate, the third with resume null.
    const truth = w.lever.truth();
    const [first, second] = ids() as [string, string];
    const bare = findCandidates(w.lever, { email: true, twoWordName: true, resume: false, files: false })[0];
    expect(bare, "the seed has a candidate with neither resume nor files").toBeDefined();
    await w.lever.moveToOffer(bare!);
    for (const id of [first, second, bare!]) {
      expect(
        await sendHireNow({ db: w.db, encryptionKey: w.encryptionKey, connectionId: w.connectionId, opportunityId: id }),
      ).toEqual({ queued: true });
    }
    await w.runJobs();
    const [a] = w.imported(first);
    expect(a).toMatchObject({ stage: "hired", resume: { file_name: truth.resumes[first]![0]!.file.name } });
    const [b] = w.imported(second);
    expect(b).toMatchObject({ stage: "offer", resume: { file_name: truth.files[second]![0]!.name } });
    const [c] = w.imported(bare!);
    expect(c).toMatchObject({ stage: "offer", resume: null });
    expect(Buffer.from(b!.resume!.content_base64, "base64").byteLength).toBe(truth.files[second]![0]!.size);
    expect((await w.transfers()).map((t) => [t.trigger, t.status])).toEqual([
      ["manual", "succeeded"],
      ["manual", "succeeded"],
      ["manual", "succeeded"],
    ]);
  });

  it("pressing the button again for a candidate already sent is refused, saying when and as what", async () => {
    // Tried: the button again for #1 (sent at the offer step) and for #0 (sent as a hire).
    // Must hold: neither is queued, each reason names the earlier send; Zenefits and the transfer
    // log still hold one of each.
    const [first, second] = ids() as [string, string];
    const again = (id: string) =>
      sendHireNow({ db: w.db, encryptionKey: w.encryptionKey, connectionId: w.connectionId, opportunityId: id });
    expect(await again(second)).toEqual({
      queued: false,
      alreadySent: true,
      reason: expect.stringMatching(/^Already sent to Zenefits at the offer step on \d{4}-\d{2}-\d{2}/),
    });
    expect(await again(first)).toEqual({
      queued: false,
      alreadySent: true,
      reason: expect.stringMatching(/^Already sent to Zenefits as a hire on \d{4}-\d{2}-\d{2}/),
    });
    expect(await w.jobs()).toEqual([]);
    await w.runJobs();
    expect(w.imported(second)).toHaveLength(1);
    expect((await w.transfers(second)).map((t) => t.status)).toEqual(["succeeded"]);
    expect((await w.transfers(first)).map((t) => t.status)).toEqual(["succeeded"]);
  });

  it("the button refuses a candidate who is neither in Offer nor hired, without emailing anyone", async () => {
    const early = findCandidates(w.lever, { email: true, twoWordName: true }).find(
      (id) => w.lever.truth().opportunities.find((o) => o.id === id)?.stage === "applicant-new",
    );
    expect(early).toBeDefined();
    await sendHireNow({ db: w.db, encryptionKey: w.encryptionKey, connectionId: w.connectionId, opportunityId: early! });
    await w.runJobs();
    expect(w.imported(early!)).toEqual([]);
    expect(await w.transfers(early!)).toMatchObject([{ status: "failed", error: expect.stringMatching(/Offer stage/) }]);
    expect(await w.exportEmails()).toEqual([]);
    expect(await w.jobs()).toEqual([]);
  });
});
