import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "@roster/api";
import { ALL_SCOPES } from "@roster/sim-zenefits";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { apiStatusFromPage, screenshot, signIn, stackForFile } from "./harness/index";

/**
 * Connecting Zenefits for real: the browser, the API, the Zenefits simulator and the worker
 * running the sync, then the synced directory, a token rotation and what a member may not do.
 */
const stack = stackForFile({ zenefits: { people: 60, seed: 21 }, worker: true });
const sim = () => stack().zenefits!;

const [owner, , member] = DEMO_USERS;
const heading = (page: Page, name: string) => page.getByRole("heading", { level: 1, name });

/** Someone two or more levels below the top, found in the simulator's own data. */
function deepPerson() {
  const people = sim().truth().people;
  const byId = new Map(people.map((p) => [p.id, p]));
  const managerOf = (p: (typeof people)[number]) => byId.get(p.manager.url?.split("/").pop() ?? "");
  const lastNames = people.map((p) => p.last_name);
  return people.find((p) => {
    const manager = managerOf(p);
    const unique = lastNames.filter((n) => n === p.last_name).length === 1;
    return p.status === "active" && unique && /^[A-Za-z]{4,}$/.test(p.last_name) && manager && managerOf(manager);
  })!;
}

describe("Zenefits in a real browser", () => {
  let ownerPage: Page;

  it("connects with the simulator's token: success screen with the company and the checklist, then the first sync", async () => {
    await seedDemo(stack().db);
    ownerPage = await stack().newPage();
    await signIn(ownerPage, owner!.email, DEMO_PASSWORD);
    await heading(ownerPage, "Dashboard").waitFor();
    await ownerPage.getByText("No integrations yet — connect your HR system in Settings").waitFor();
    await ownerPage.getByTestId("nav-settings").getByRole("link", { name: "Zenefits" }).click();
    await heading(ownerPage, "Zenefits").waitFor();

    // Every permission but two: the checklist shows both kinds.
    const token = sim().createToken({
      scopes: ALL_SCOPES.filter((s) => s !== "people.personal_email" && s !== "people.work_phone"),
    });
    // Keyboard only: type the token, Tab past the hint to the email (prefilled), Enter to save.
    await ownerPage.getByLabel("Access token").focus();
    await ownerPage.keyboard.type(token);
    expect(await ownerPage.getByLabel("Access token").getAttribute("type")).toBe("password");
    expect(await ownerPage.getByLabel("Notification email").inputValue()).toBe(owner!.email);
    sim().setFaults({ latencyMs: 300 }); // slow enough to see "Verifying…" and the sync's progress
    await ownerPage.keyboard.press("Enter");
    await ownerPage.getByText("Verifying with Zenefits…").waitFor();

    const company = sim().truth().companies[0]!.name;
    await ownerPage.getByTestId("connect-success").filter({ hasText: company }).waitFor();
    const checklist = ownerPage.getByRole("list", { name: "Permissions" });
    expect(await checklist.getByRole("listitem").count()).toBe(12);
    expect(await checklist.locator(".check-missing").allInnerTexts()).toEqual([
      expect.stringContaining("Personal email"),
      expect.stringContaining("Work phone"),
    ]);
    await ownerPage.getByTestId("sync-progress").waitFor();
    // The running sync's live progress, when a poll catches it mid-run.
    await ownerPage
      .getByRole("progressbar", { name: "Collections synced" })
      .waitFor({ timeout: 5_000 })
      .then(() => screenshot(ownerPage, "zenefits-sync-progress"))
      .catch(() => undefined);
    sim().clearFaults();

    await ownerPage.getByTestId("sync-times").filter({ hasText: "Last synced" }).waitFor({ timeout: 30_000 });
    await heading(ownerPage, "Zenefits").waitFor();
    expect(await ownerPage.getByText(company).first().isVisible()).toBe(true);
    await screenshot(ownerPage, "zenefits-success");
  });

  it("shows the synced people: search by name, open the person, see the manager chain to the top", async () => {
    await ownerPage.getByRole("link", { name: "Directory", exact: true }).click();
    await heading(ownerPage, "Directory").waitFor();
    // The list starts with active people; everyone the simulator holds is behind "Any status".
    await ownerPage.getByLabel("Status").selectOption({ label: "Any status" });
    await ownerPage.getByTestId("people-total").filter({ hasText: "60 people" }).waitFor();
    await screenshot(ownerPage, "directory");
    // Server-side pages of 50 with the keyset cursor; Previous comes back to the first page.
    const firstName = await ownerPage.getByRole("table", { name: "People" }).getByRole("link").first().textContent();
    await ownerPage.getByRole("button", { name: "Next" }).click();
    await ownerPage.getByText("51–60").waitFor();
    // The API counts on the first page only; the second still shows that count.
    expect(await ownerPage.getByTestId("people-total").textContent()).toContain("60 people");
    expect(await ownerPage.getByRole("button", { name: "Next" }).isDisabled()).toBe(true);
    await ownerPage.getByRole("button", { name: "Previous" }).click();
    await ownerPage.getByText("1–50").waitFor();
    expect(await ownerPage.getByRole("table", { name: "People" }).getByRole("link").first().textContent()).toBe(firstName);

    const target = deepPerson();
    const row = await stack()
      .db.selectFrom("employees")
      .select(["id", "display_name"])
      .where("remote_id", "=", target.id)
      .executeTakeFirstOrThrow();
    await ownerPage.getByLabel("Search").fill(target.last_name.toLowerCase());
    await ownerPage
      .getByTestId("people-total")
      .filter({ hasText: /^1 person/ })
      .waitFor();
    expect(new URL(ownerPage.url()).searchParams.get("q")).toBe(target.last_name.toLowerCase());
    await screenshot(ownerPage, "directory-search");

    await ownerPage.getByRole("table", { name: "People" }).getByRole("link", { name: row.display_name }).click();
    await heading(ownerPage, row.display_name).waitFor();
    expect(new URL(ownerPage.url()).pathname).toBe(`/directory/people/${row.id}`);
    const chain = ownerPage.getByRole("navigation", { name: "Manager chain" });
    const names = await chain.getByRole("listitem").allInnerTexts();
    expect(names[0]).toBe("Nathan Ash");
    expect(names.at(-1)).toBe(row.display_name);
    expect(names.length).toBeGreaterThanOrEqual(3);
    await screenshot(ownerPage, "person-page");

    // Up the chain: the manager's page lists this person among their direct reports.
    await chain.getByRole("link").last().click();
    await ownerPage.getByRole("list", { name: "Direct reports" }).getByRole("link", { name: row.display_name }).waitFor();

    // Departments with head counts, each linking to its people.
    await ownerPage.getByRole("link", { name: "Directory", exact: true }).click();
    await ownerPage.getByRole("navigation", { name: "Directory" }).getByRole("link", { name: "Departments" }).click();
    const departments = ownerPage.getByRole("table", { name: "Departments" });
    const firstCount = departments.getByRole("link", { name: /people in/ }).first();
    const label = (await firstCount.getAttribute("aria-label"))!;
    await screenshot(ownerPage, "directory-departments");
    await firstCount.click();
    const department = /^\d+ people in (.+)$/.exec(label)![1]!;
    await ownerPage.getByTestId("people-total").waitFor();
    expect(new URL(ownerPage.url()).searchParams.get("department")).toBeTruthy();
    expect(await ownerPage.getByLabel("Department").locator("option:checked").textContent()).toBe(department);
    const departmentCells = await ownerPage.locator("table[aria-label=People] tbody tr td:nth-child(3)").allTextContents();
    expect(new Set(departmentCells)).toEqual(new Set([department]));
  });

  it("rotates the token in place: verified, confirmed, same connection, history kept", async () => {
    const before = await stack().db.selectFrom("connections").select(["id", "credentials_hint"]).execute();
    const runsBefore = await stack().db.selectFrom("sync_runs").select("id").execute();
    expect(before).toHaveLength(1);
    expect(runsBefore.length).toBeGreaterThanOrEqual(1);

    await ownerPage.getByTestId("nav-settings").getByRole("link", { name: "Zenefits" }).click();
    const fresh = sim().createToken();
    await ownerPage.getByLabel("New access token").fill(fresh);
    await ownerPage.getByRole("button", { name: "Replace credentials" }).click();
    await ownerPage.getByText("Credentials replaced.", { exact: false }).waitFor();
    await ownerPage
      .getByText(`••••${fresh.slice(-4)}`, { exact: false })
      .first()
      .waitFor();
    // The new token grants everything: the checklist says so.
    expect(await ownerPage.getByRole("list", { name: "Permissions" }).locator(".check-missing").count()).toBe(0);
    await screenshot(ownerPage, "zenefits-token-rotated");

    const after = await stack().db.selectFrom("connections").select(["id", "credentials_hint"]).execute();
    expect(after.map((c) => c.id)).toEqual(before.map((c) => c.id));
    expect(after[0]?.credentials_hint).toBe(`••••${fresh.slice(-4)}`);
    const runsAfter = await stack().db.selectFrom("sync_runs").select("id").execute();
    expect(runsAfter.map((r) => r.id)).toEqual(expect.arrayContaining(runsBefore.map((r) => r.id)));
  });

  it("asks before a token with fewer permissions, then shows what stopped updating; a revoked token leaves the checklist unknown", async () => {
    // Tried: rotating to a token without Manager. Must hold: a dialog names what would stop
    // updating; once confirmed and synced, the connection is Partial and lists Manager with the
    // date it stopped, while the stored manager links stay.
    const linked = async () =>
      (await stack().db.selectFrom("employees").select("manager_id").where("manager_id", "is not", null).execute()).length;
    const linksBefore = await linked();
    expect(linksBefore).toBeGreaterThan(0);
    const fewer = sim().createToken({ scopes: ALL_SCOPES.filter((s) => s !== "people.manager") });
    await ownerPage.getByLabel("New access token").fill(fewer);
    await ownerPage.getByRole("button", { name: "Replace credentials" }).click();
    const dialog = ownerPage.getByRole("dialog", { name: "These credentials grant fewer permissions" });
    await dialog.waitFor();
    expect(await dialog.getByRole("list", { name: "What would stop updating" }).innerText()).toContain("Manager");
    await screenshot(ownerPage, "zenefits-rotate-fewer-permissions");
    await dialog.getByRole("button", { name: "Use it anyway" }).click();
    await ownerPage.getByText("Credentials replaced.", { exact: false }).waitFor();
    const stale = ownerPage.getByTestId("stale-fields");
    await stale.waitFor({ timeout: 30_000 });
    expect(await stale.innerText()).toMatch(/Manager — since .+; needs the “Manager” permission/);
    await ownerPage.getByTestId("sync-times").filter({ hasText: "Last synced" }).waitFor({ timeout: 30_000 });
    await ownerPage.locator(".badge-warning", { hasText: "Partial" }).first().waitFor();
    expect(await linked()).toBe(linksBefore);
    await screenshot(ownerPage, "zenefits-partial");

    // Tried: the token revoked in Zenefits, then Sync now. Must hold: no permission keeps a tick.
    sim().revokeToken(fewer);
    await ownerPage.getByRole("button", { name: "Sync now" }).click();
    const checklist = ownerPage.getByRole("list", { name: "Permissions" });
    await checklist.locator(".check-unknown").nth(11).waitFor({ timeout: 30_000 });
    expect(await checklist.locator(".check-granted").count()).toBe(0);
    await ownerPage.getByText("Roster could not verify the token", { exact: false }).waitFor();
    await screenshot(ownerPage, "zenefits-permissions-unknown");
  });

  it("keeps members out of the settings and the connection, and the API refuses them too", async () => {
    const memberPage = await stack().newPage();
    await signIn(memberPage, member!.email, DEMO_PASSWORD);
    await heading(memberPage, "Dashboard").waitFor();
    expect(await memberPage.getByTestId("nav-settings").count()).toBe(0);

    await memberPage.goto("/settings/hris/zenefits");
    await memberPage.getByText("You don't have access").waitFor();
    const [connection] = await stack().db.selectFrom("connections").select("id").execute();
    await memberPage.goto(`/connections/${connection!.id}`);
    await memberPage.getByText("You don't have access").waitFor();

    expect(await apiStatusFromPage(memberPage, "connections.list")).toBe(403);
    const connectStatus = await memberPage.evaluate(async (accessToken) => {
      const response = await fetch("/trpc/connections.connect", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ connectorId: "zenefits", credentials: { accessToken }, notificationEmail: "mia@example.test" }),
      });
      return response.status;
    }, sim().createToken());
    expect(connectStatus).toBe(403);
    // The directory is theirs to read, without the sensitive fields.
    expect(await apiStatusFromPage(memberPage, "directory.departments")).toBe(200);
    await memberPage.getByRole("link", { name: "Directory", exact: true }).click();
    await memberPage.getByRole("table", { name: "People" }).getByRole("link").first().click();
    await memberPage.getByText("Personal contact details and custom fields are hidden", { exact: false }).waitFor();
  });
});
