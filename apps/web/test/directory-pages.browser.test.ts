import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "@roster/api";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot, signIn, stackForFile } from "./harness/index";

/**
 * The directory's page lives in the URL: a page survives a reload and the browser's Back, the
 * pager says which page of how many people, and "Back to the directory" keeps the search.
 */
const stack = stackForFile({ zenefits: { people: 110, seed: 9 }, worker: true });
const heading = (page: Page, name: string) => page.getByRole("heading", { level: 1, name });
const owner = DEMO_USERS.find((u) => u.role === "owner")!;
const activePeople = () =>
  stack()
    .db.selectFrom("employees")
    .select(["id", "display_name", "job_title"])
    .where("status", "=", "active")
    .where("remote_deleted_at", "is", null)
    .execute();
const firstNameOnPage = (page: Page) => page.getByRole("table", { name: "People" }).getByRole("link").first().textContent();

describe("directory pages in a real browser", () => {
  let page: Page;
  let total: number;

  it("puts the page in the URL: a reload and Back keep it, the pager says page and total", async () => {
    // Tried: Next, reload, then the browser's Back. Holds: page=2 in the URL, the same first
    // person after the reload, "Page 2 · 51–N of N", and Back shows page 1 again.
    await seedDemo(stack().db);
    page = await stack().newPage();
    await signIn(page, owner.email, DEMO_PASSWORD);
    await page.goto("/settings/integrations/zenefits");
    await page.getByLabel("Access token").fill(stack().zenefits!.createToken());
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByTestId("sync-times").filter({ hasText: "Last synced" }).waitFor({ timeout: 30_000 });
    // A few people leave: the list then shows the active ones unless its filter says otherwise.
    const leavers = await stack().db.selectFrom("employees").select("id").orderBy("display_name").limit(3).execute();
    await stack()
      .db.updateTable("employees")
      .set({ status: "terminated" })
      .where(
        "id",
        "in",
        leavers.slice(0, 2).map((l) => l.id),
      )
      .execute();
    await stack().db.updateTable("employees").set({ remote_deleted_at: new Date() }).where("id", "=", leavers[2]!.id).execute();
    total = (await activePeople()).length;
    expect(total).toBeGreaterThan(50);

    await page.goto("/directory");
    await heading(page, "Directory").waitFor();
    await page
      .getByTestId("people-range")
      .filter({ hasText: `Page 1 · 1–50 of ${total}` })
      .waitFor();
    const firstOfPageOne = await firstNameOnPage(page);
    await page.getByRole("button", { name: "Next" }).click();
    const pageTwo = page.getByTestId("people-range").filter({ hasText: `Page 2 · 51–${total} of ${total}` });
    await pageTwo.waitFor();
    expect(new URL(page.url()).searchParams.get("page")).toBe("2");
    const firstOfPageTwo = await firstNameOnPage(page);
    expect(firstOfPageTwo).not.toBe(firstOfPageOne);

    await page.reload();
    await pageTwo.waitFor();
    expect(await firstNameOnPage(page)).toBe(firstOfPageTwo);
    await screenshot(page, "directory-page-two");

    await page.goBack();
    await page.getByTestId("people-range").filter({ hasText: "Page 1 · 1–50" }).waitFor();
    expect(await firstNameOnPage(page)).toBe(firstOfPageOne);
  });

  it("Back to the directory returns to the search it came from", async () => {
    // Tried: search, open a person, follow "Back to the directory". Holds: the URL and the search box keep the search.
    await page.getByLabel("Search").fill("an");
    await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe("an");
    const link = page.getByRole("table", { name: "People" }).getByRole("link").first();
    const name = (await link.textContent())!;
    await link.click();
    await heading(page, name).waitFor();
    await page.getByRole("link", { name: "Back to the directory" }).click();
    await heading(page, "Directory").waitFor();
    expect(new URL(page.url()).searchParams.get("q")).toBe("an");
    expect(await page.getByLabel("Search").inputValue()).toBe("an");
  });

  it("lists active people by default, as the dashboard counts them; Any status shows the leavers too", async () => {
    // Tried: the dashboard's count, a plain /directory, then Status → Any status. Holds: the same
    // number of active people on both pages; with Any status, everyone in the database.
    await page.goto("/");
    await page.getByText(`${total} active people`).waitFor();
    await page.goto("/directory");
    await page
      .getByTestId("people-range")
      .filter({ hasText: `of ${total}` })
      .waitFor();
    expect(await page.getByLabel("Status").inputValue()).toBe("active");
    await page.getByLabel("Status").selectOption({ label: "Any status" });
    const everyone = (await stack().db.selectFrom("employees").select("id").execute()).length;
    expect(everyone).toBeGreaterThan(total);
    await page
      .getByTestId("people-range")
      .filter({ hasText: `of ${everyone}` })
      .waitFor();
    expect(new URL(page.url()).searchParams.get("status")).toBe("any");
  });

  it("sorts by a column on the server, with the sort in the URL: both ways, across pages and a reload", async () => {
    // Tried: click "Job title", click it again, reload, Next. Holds: sort=jobTitle&dir=desc in the
    // URL, aria-sort on the header, and the rows in the database's order for (job title, name, id).
    await page.goto("/directory");
    const table = page.getByRole("table", { name: "People" });
    await table.getByRole("button", { name: "Job title" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("sort")).toBe("jobTitle");
    await table.getByRole("button", { name: "Job title" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("dir")).toBe("desc");
    await page.reload();
    const header = table.getByRole("columnheader", { name: /Job title/ });
    await expect.poll(() => header.getAttribute("aria-sort")).toBe("descending");
    const ordered = await stack()
      .db.selectFrom("employees")
      .select("id")
      .where("status", "=", "active")
      .where("remote_deleted_at", "is", null)
      .orderBy((eb) => eb.fn.coalesce("job_title", eb.val("")), "desc")
      .orderBy("display_name", "desc")
      .orderBy("id", "desc")
      .execute();
    const shownIds = async () =>
      (await table.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")))).map((href) =>
        href!.split("/").pop(),
      );
    await expect.poll(shownIds).toEqual(ordered.slice(0, 50).map((r) => r.id));
    await screenshot(page, "directory-sorted-by-job-title");
    await page.getByRole("button", { name: "Next" }).click();
    await expect.poll(shownIds).toEqual(ordered.slice(50).map((r) => r.id));
    expect(new URL(page.url()).searchParams.get("sort")).toBe("jobTitle");
  });
});
