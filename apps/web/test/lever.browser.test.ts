import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "@roster/api";
import { sql } from "@roster/db";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { apiStatusFromPage, screenshot, signIn, stackForFile } from "./harness/index";

/**
 * Lever → Zenefits in a real browser: the owner sets Lever up with the simulators' values,
 * Verify calls both for real, Zenefits offers mode; after the worker's first candidates sync,
 * "Send to Zenefits" on an Offer candidate runs export_hire in the real worker and the candidate
 * lands in the Zenefits simulator's import list; the transfer story shows for the owner; once
 * hired in Lever the hire is sent by itself and the row shows it, with no button and the API
 * refusing a second send; Lever offers mode removes the button; a member sees the candidates
 * without any transfer story.
 */
const stack = stackForFile({
  zenefits: { people: 10, seed: 3 },
  lever: { opportunities: 30, seed: 7, rateLimit: false, webhookRetryDelaysMs: [] },
  worker: true,
});
const lever = () => stack().lever!;
const zenefits = () => stack().zenefits!;

const [owner, admin, member] = DEMO_USERS;
/** The Zenefits column of a candidate sent at the offer step, and once their hire was sent ("… 6 Dec 2026"). */
const SENT_AT_OFFER = /^Offer · sent to Zenefits \d{1,2} \w{3} \d{4}$/;
const SENT_AS_HIRE = /^Hired · sent to Zenefits \d{1,2} \w{3} \d{4}$/;
const heading = (page: Page, name: string) => page.getByRole("heading", { level: 1, name });
const candidateRow = (page: Page, name: string) =>
  page.getByRole("table", { name: "Candidates" }).getByRole("row").filter({ hasText: name });

type Candidate = { id: string; name: string };

/**
 * From the simulator's truth, before the first sync reads them: an Offer-stage candidate Zenefits
 * will accept (first and last name, an email), moved to Offer if the seed has none there, and an
 * active candidate without an email (Zenefits requires one), moved to Offer to make an export fail.
 */
async function prepareCandidates(): Promise<{ target: Candidate; broken: Candidate }> {
  const truth = lever().truth();
  const open = truth.opportunities.filter((o) => o.archived === null && o.confidentiality !== "confidential");
  const inOffer = new Set(lever().opportunityIdsInStage(lever().ids.offerStageId));
  const exportable = open.filter((o) => o.emails.length > 0 && /^\S+ \S+$/.test(o.name.trim()));
  let target = exportable.find((o) => inOffer.has(o.id));
  if (!target) {
    target = exportable.find((o) => !inOffer.has(o.id))!;
    await lever().moveToOffer(target.id);
  }
  const broken = open.find((o) => o.emails.length === 0 && o.id !== target.id);
  if (!broken) throw new Error("the Lever simulator's seed has no active candidate without an email: pick another seed");
  if (!inOffer.has(broken.id)) await lever().moveToOffer(broken.id);
  return { target: { id: target.id, name: target.name.trim() }, broken: { id: broken.id, name: broken.name.trim() } };
}

describe("Lever → Zenefits in a real browser", () => {
  let ownerPage: Page;
  let target: Candidate;
  let broken: Candidate;

  it("the owner sets Lever up with the simulators' values: Verify ✓ on both sides, Zenefits offers, Save", async () => {
    await seedDemo(stack().db);
    ({ target, broken } = await prepareCandidates());
    ownerPage = await stack().newPage();
    await signIn(ownerPage, owner!.email, DEMO_PASSWORD);
    await ownerPage.getByTestId("nav-settings").getByRole("link", { name: "Lever" }).click();
    await heading(ownerPage, "Lever").waitFor();

    await ownerPage.getByLabel("Lever API key").fill(lever().apiKey);
    await ownerPage.getByLabel("Webhook signing token").fill(lever().webhookSignatureToken);
    await ownerPage.getByLabel("Zenefits company ID").fill(zenefits().companyId);
    await ownerPage.getByLabel("Zenefits client secret").fill("not-the-client-secret");
    expect(await ownerPage.getByLabel("Lever API key").getAttribute("type")).toBe("password");
    expect(await ownerPage.getByLabel("Zenefits client secret").getAttribute("type")).toBe("password");

    // A wrong client secret: Verify names the Zenefits side and says why; Lever is fine.
    await ownerPage.getByRole("button", { name: "Verify" }).click();
    await ownerPage.getByTestId("verify-zenefits").filter({ hasText: "Zenefits: failed" }).waitFor();
    expect(await ownerPage.getByTestId("verify-zenefits").textContent()).toMatch(/Company ID and Client Secret/);
    expect(await ownerPage.getByTestId("verify-lever").textContent()).toContain("Lever: connected");

    await ownerPage.getByLabel("Zenefits client secret").fill(zenefits().clientSecret());
    await ownerPage.getByRole("button", { name: "Verify" }).click();
    await ownerPage.getByTestId("verify-zenefits").filter({ hasText: "Zenefits: connected" }).waitFor();
    expect(await ownerPage.getByTestId("verify-lever").textContent()).toContain("✓");
    expect(await ownerPage.getByTestId("verify-zenefits").textContent()).toContain("✓");

    // "Send hires to": the Zenefits import channel above by default, or one of the organisation's
    // HRIS connections that can receive hires (its own Zenefits or BambooHR connections).
    const hrisNames: Record<string, string> = { zenefits: "Zenefits", bamboohr: "BambooHR" };
    const hris = await stack()
      .db.selectFrom("connections")
      .innerJoin("memberships", "memberships.organisation_id", "connections.organisation_id")
      .innerJoin("users", "users.id", "memberships.user_id")
      .select(["connections.display_name", "connections.connector_id"])
      .where("users.email", "=", owner!.email)
      .where("connections.connector_id", "in", Object.keys(hrisNames))
      .orderBy("connections.created_at")
      .execute();
    const sendTo = ownerPage.getByLabel("Send hires to");
    expect(await sendTo.inputValue()).toBe("");
    expect(await sendTo.locator("option").allTextContents()).toEqual([
      "Zenefits, through the import channel below",
      ...hris.map((c) => `${c.display_name} (${hrisNames[c.connector_id]})`),
    ]);

    // Only those who can open the hire exports the email links to are offered: owners and admins.
    const contact = ownerPage.getByLabel("Contact when an export fails");
    expect(await contact.locator("option").allTextContents()).not.toContain(`${member!.name} (${member!.email})`);
    await contact.selectOption({ label: `${admin!.name} (${admin!.email})` });
    await ownerPage.getByRole("radio", { name: /Zenefits offers/ }).check();
    await screenshot(ownerPage, "lever-verify");
    await ownerPage.getByRole("button", { name: "Save" }).click();
    await ownerPage.getByTestId("lever-saved").filter({ hasText: "Lever is connected" }).waitFor();

    // Stored: only hints come back; the webhook URL is on the API's public base.
    const connection = await stack()
      .db.selectFrom("connections")
      .select(["id", "settings"])
      .where("connector_id", "=", "lever")
      .executeTakeFirstOrThrow();
    expect(connection.settings).toMatchObject({ enabled: true, offersMode: "zenefits", exportTo: null });
    expect(await ownerPage.getByLabel("Webhook URL").inputValue()).toBe(`${stack().apiUrl}/webhooks/lever/${connection.id}`);
    await ownerPage.getByText(`Stored ••••${lever().apiKey.slice(-4)}`, { exact: false }).waitFor();
    expect(await ownerPage.getByLabel("Lever API key").inputValue()).toBe("");
    await ownerPage.getByTestId("lever-status").filter({ hasText: "Candidates last synced" }).waitFor({ timeout: 30_000 });
    await screenshot(ownerPage, "lever-setup");
  });

  it("Send to Zenefits on an Offer candidate imports them into Zenefits; the owner sees the transfer story", async () => {
    await ownerPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Candidates" }).click();
    await heading(ownerPage, "Candidates").waitFor();
    await ownerPage.getByTestId("offers-mode").filter({ hasText: "Zenefits offers" }).waitFor();
    await ownerPage.getByRole("button", { name: /^Offer/ }).click();
    const row = candidateRow(ownerPage, target.name);
    await row.waitFor();
    // Every Offer row (and only those) offers the button, and its row menu offers it too.
    const offers = await stack().db.selectFrom("candidates").select("id").where("status", "=", "offer").execute();
    const rows = ownerPage.getByRole("table", { name: "Candidates" }).locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(offers.length);
    expect(await ownerPage.getByRole("button", { name: "Send to Zenefits" }).count()).toBe(offers.length);
    await row.getByRole("button", { name: `Actions for ${target.name}` }).click();
    expect(await ownerPage.getByRole("menu").getByRole("menuitem").allInnerTexts()).toEqual(["View details", "Send to Zenefits"]);
    await ownerPage.getByRole("menuitem", { name: "Send to Zenefits" }).click();
    await ownerPage.getByRole("dialog").getByText(`Send ${target.name} to Zenefits?`).waitFor();
    await screenshot(ownerPage, "candidates-send");
    expect(
      zenefits()
        .atsCandidates()
        .filter((c) => c.external_id === target.id),
    ).toEqual([]);
    await ownerPage.getByRole("dialog").getByRole("button", { name: "Send now" }).click();
    await ownerPage
      .getByTestId("toast")
      .filter({ hasText: `${target.name} is on the way to Zenefits` })
      .waitFor();

    // The real worker runs export_hire: the candidate reaches Zenefits' import list, as an offer.
    const story = ownerPage.getByTestId("transfer-story");
    await story.getByTestId("transfer-entry").filter({ hasText: "Sent to Zenefits" }).waitFor({ timeout: 30_000 });
    const imported = zenefits()
      .atsCandidates()
      .filter((c) => c.external_id === target.id);
    expect(imported).toHaveLength(1);
    expect(imported[0]).toMatchObject({ stage: "offer", source: "lever" });
    // What was sent, field by field (the owner may see it).
    expect(await story.getByRole("definition").first().textContent()).toBe(target.name);
    // The row now says so, and no longer offers the button (a candidate is sent by hand once).
    const sentRow = candidateRow(ownerPage, target.name);
    await sentRow.getByText(SENT_AT_OFFER).waitFor({ timeout: 10_000 });
    expect(await sentRow.getByRole("button", { name: "Send to Zenefits" }).count()).toBe(0);
    await screenshot(ownerPage, "transfer-story");
    const transfers = await stack().db.selectFrom("hire_transfers").selectAll().execute();
    expect(transfers).toMatchObject([{ opportunity_id: target.id, status: "succeeded", stage: "offer", trigger: "manual" }]);
  });

  it("hired in Lever: the hire is sent by itself; the row shows Hired · sent to Zenefits, no button; a second send is refused", async () => {
    // Tried: Lever's webhook pointed at the API, then the target hired in Lever (the real worker
    // exports it); the Candidates page opened again; Send to Zenefits asked of the API directly,
    // as a stale page or a script would. Must hold: Zenefits holds the same candidate, now hired;
    // the row shows "Hired · sent to Zenefits <date>" with no button in the row or its menu;
    // the API answers 409 and queues nothing; still one Zenefits candidate.
    const connection = await stack()
      .db.selectFrom("connections")
      .select("id")
      .where("connector_id", "=", "lever")
      .executeTakeFirstOrThrow();
    lever().setWebhook({ url: `${stack().apiUrl}/webhooks/lever/${connection.id}` });
    expect(await lever().hire(target.id)).toEqual({ deliveredStatus: 202 });
    const hireSent = async () => {
      const rows = await stack()
        .db.selectFrom("hire_transfers")
        .select(["stage", "status"])
        .where("opportunity_id", "=", target.id)
        .execute();
      return rows.some((r) => r.stage === "hired" && r.status === "succeeded");
    };
    await expect.poll(hireSent, { timeout: 30_000 }).toBe(true);
    expect(
      zenefits()
        .atsCandidates()
        .filter((c) => c.external_id === target.id),
    ).toMatchObject([{ stage: "hired" }]);

    await ownerPage.reload();
    await heading(ownerPage, "Candidates").waitFor();
    await ownerPage.getByRole("button", { name: /^Offer/ }).click();
    const row = candidateRow(ownerPage, target.name);
    await row.getByText(SENT_AS_HIRE).waitFor({ timeout: 10_000 });
    expect(await row.getByRole("button", { name: "Send to Zenefits" }).count()).toBe(0);
    await row.getByRole("button", { name: `Actions for ${target.name}` }).click();
    expect(await ownerPage.getByRole("menu").getByRole("menuitem").allInnerTexts()).toEqual(["View details"]);
    await ownerPage.keyboard.press("Escape");
    await screenshot(ownerPage, "candidates-hired-and-sent");

    const candidate = await stack()
      .db.selectFrom("candidates")
      .select("id")
      .where("remote_id", "=", target.id)
      .executeTakeFirstOrThrow();
    const refused = await ownerPage.evaluate(async (candidateId) => {
      const res = await fetch("/trpc/lever.sendToZenefits", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ candidateId }),
      });
      return { status: res.status, body: await res.text() };
    }, candidate.id);
    expect(refused.status).toBe(409);
    expect(refused.body).toContain("Already sent to Zenefits as a hire on");
    const jobs = await sql<{
      n: number;
    }>`select count(*)::int as n from graphile_worker.jobs where key = ${`export:${connection.id}:${target.id}`}`.execute(
      stack().db,
    );
    expect(jobs.rows[0]?.n).toBe(0);
    expect(
      zenefits()
        .atsCandidates()
        .filter((c) => c.external_id === target.id),
    ).toHaveLength(1);
  });

  it("a failed export: the contact is emailed, the Lever connection page shows the reason, Retry re-queues it", async () => {
    const row = candidateRow(ownerPage, broken.name);
    await row.getByRole("button", { name: "Send to Zenefits" }).click();
    await ownerPage.getByRole("dialog").getByRole("button", { name: "Send now" }).click();
    await ownerPage
      .getByTestId("toast")
      .filter({ hasText: `${broken.name} is on the way to Zenefits` })
      .waitFor();
    await row.getByText("Export failed", { exact: true }).waitFor({ timeout: 30_000 });
    const failed = await stack()
      .db.selectFrom("hire_transfers")
      .selectAll()
      .where("opportunity_id", "=", broken.id)
      .executeTakeFirstOrThrow();
    expect(failed).toMatchObject({ status: "failed", failure_notified: true });
    expect(failed.error).toMatch(/no email address/);
    // The contact chosen in the setup is emailed, through the outbox and the worker's SMTP.
    const email = await stack().worker!.mail.waitFor((m) => m.to.includes(admin!.email), 30_000);
    expect(email.text).toContain(broken.name);

    // Settings → Lever shows it too, and leads to the connection page's failures, with the reason and Retry.
    await ownerPage.getByTestId("nav-settings").getByRole("link", { name: "Lever" }).click();
    await ownerPage.getByTestId("lever-last-failure").filter({ hasText: broken.name }).waitFor();
    await ownerPage.getByRole("link", { name: "See the failures and retry" }).click();
    const failures = ownerPage.getByTestId("export-failures");
    const entry = failures.getByTestId("transfer-entry").filter({ hasText: broken.name });
    await entry.getByTestId("transfer-error").filter({ hasText: "no email address" }).waitFor();
    await entry.getByText("The contact was emailed about this failure.").waitFor();
    await screenshot(ownerPage, "lever-export-failure");
    await entry.getByRole("button", { name: "Retry" }).click();
    await entry.getByText("Queued: retrying now.").waitFor();
    const retried = await stack()
      .db.selectFrom("audit_log")
      .select("details")
      .where("action", "=", "connection.export_retried")
      .executeTakeFirstOrThrow();
    expect(retried.details).toMatchObject({ opportunityId: broken.id });
    // Run again by the worker (by hand or by the backoff): refused for the same reason, in the same chain.
    const chain = () =>
      stack().db.selectFrom("hire_transfers").select(["attempts", "status"]).where("opportunity_id", "=", broken.id).execute();
    const ranAgain = async () => {
      const rows = await chain();
      return rows.length === 1 && rows[0]!.attempts >= 2 && rows[0]!.status === "failed";
    };
    await expect.poll(ranAgain, { timeout: 30_000 }).toBe(true);
    expect(
      zenefits()
        .atsCandidates()
        .filter((c) => c.external_id === broken.id),
    ).toEqual([]);
  });

  it("Lever offers mode removes Send to Zenefits from the rows and their menus", async () => {
    await ownerPage.getByTestId("nav-settings").getByRole("link", { name: "Lever" }).click();
    await heading(ownerPage, "Lever").waitFor();
    await ownerPage.getByRole("radio", { name: /Lever offers/ }).check();
    await ownerPage.getByRole("button", { name: "Save" }).click();
    await ownerPage.getByTestId("lever-saved").filter({ hasText: "Saved." }).waitFor();

    await ownerPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Candidates" }).click();
    await ownerPage.getByTestId("offers-mode").filter({ hasText: "Lever offers" }).waitFor();
    await ownerPage.getByRole("button", { name: /^Offer/ }).click();
    const row = candidateRow(ownerPage, target.name);
    await row.waitFor();
    await expect.poll(() => ownerPage.getByRole("button", { name: "Send to Zenefits" }).count()).toBe(0);
    await row.getByRole("button", { name: `Actions for ${target.name}` }).click();
    expect(await ownerPage.getByRole("menu").getByRole("menuitem").allInnerTexts()).toEqual(["View details"]);
  });

  it("a member sees the candidates page without any transfer story; the API refuses them the story", async () => {
    const memberPage = await stack().newPage();
    await signIn(memberPage, member!.email, DEMO_PASSWORD);
    await memberPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Candidates" }).click();
    await heading(memberPage, "Candidates").waitFor();
    const row = candidateRow(memberPage, target.name);
    await row.waitFor();
    expect(await memberPage.getByRole("columnheader", { name: "Zenefits" }).count()).toBe(0);
    expect(await memberPage.getByText("Sent to Zenefits", { exact: true }).count()).toBe(0);
    expect(await memberPage.getByText(/· sent to Zenefits/).count()).toBe(0);
    await row.getByRole("button", { name: target.name, exact: true }).click();
    await memberPage.getByTestId("candidate-panel").waitFor();
    expect(await memberPage.getByTestId("transfer-story").count()).toBe(0);
    expect(await memberPage.getByText("Sent to Zenefits", { exact: true }).count()).toBe(0);
    expect(await apiStatusFromPage(memberPage, "lever.transfers")).toBe(403);
    expect(await apiStatusFromPage(memberPage, "lever.candidates")).toBe(200);
  });
});
