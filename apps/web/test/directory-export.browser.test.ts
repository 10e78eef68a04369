import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "@roster/api";
import { encryptJson } from "@roster/secrets";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { screenshot, signIn, stackForFile } from "./harness/index";
import { parseCsv } from "./harness/parse-csv";

/**
 * Directory → Export CSV downloads every person the current filters match, however many pages
 * they fill, with the columns the caller may see. The directory is arranged in the database
 * (over a thousand people, so the server reads several batches); the file is parsed and
 * compared with the rows the same filters select.
 */
const stack = stackForFile();
const owner = DEMO_USERS.find((u) => u.role === "owner")!;
const member = DEMO_USERS.find((u) => u.role === "member")!;
const ENGINEERS = 1_100;

let engineeringId: string;

beforeAll(async () => {
  await seedDemo(stack().db);
  const db = stack().db;
  const org = await db.selectFrom("organisations").select("id").executeTakeFirstOrThrow();
  const connectionId = randomUUID();
  await db
    .insertInto("connections")
    .values({
      id: connectionId,
      organisation_id: org.id,
      connector_id: "zenefits",
      display_name: "Zenefits — Demo Co",
      credentials_encrypted: encryptJson({ accessToken: "unused" }, stack().deps.config.ENCRYPTION_KEY!, connectionId),
      credentials_hint: "••••used",
      notification_email: null,
    })
    .execute();
  const department = (name: string) => ({
    organisation_id: org.id,
    connection_id: connectionId,
    remote_id: name.toLowerCase(),
    remote_data: "{}",
    name,
  });
  const [engineering, sales] = await db
    .insertInto("departments")
    .values([department("Engineering"), department("Sales")])
    .returning("id")
    .execute();
  engineeringId = engineering!.id;
  // Names and titles a CSV must quote or defuse: commas, quotes, a formula, another script.
  const awkward = ['O\'Brien, "Pat"', "王小明", '=HYPERLINK("http://evil.test")', "Zoë Line\nBreak"];
  const person = (n: number, departmentId: string, status: "active" | "terminated") => ({
    organisation_id: org.id,
    connection_id: connectionId,
    remote_id: `p${n}`,
    remote_data: "{}",
    display_name: awkward[n] ?? `Person ${String(n).padStart(4, "0")}`,
    work_email: `p${n}@demo.test`,
    personal_email: `home${n}@example.test`,
    personal_phone: "+1 555 0100",
    job_title: n === 5 ? "-2+3" : "Engineer",
    status,
    department_id: departmentId,
    start_date: "2024-03-01",
  });
  const people = [
    ...Array.from({ length: ENGINEERS }, (_, n) => person(n, engineering!.id, n % 10 === 9 ? "terminated" : "active")),
    ...Array.from({ length: 40 }, (_, n) => person(ENGINEERS + n, sales!.id, "active")),
  ];
  for (let i = 0; i < people.length; i += 500)
    await db
      .insertInto("employees")
      .values(people.slice(i, i + 500))
      .execute();
});

/** Chooses the filters through the page's menus, then downloads the export. */
async function exportFiltered(page: Page): Promise<string[][]> {
  await page.goto("/directory");
  await page.getByLabel("Department").selectOption({ label: "Engineering" });
  await page.getByLabel("Status").selectOption({ label: "Active" });
  await expect.poll(() => new URL(page.url()).searchParams.get("department")).toBe(engineeringId);
  await page.getByTestId("people-range").filter({ hasText: "Page 1 · 1–50 of" }).waitFor();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^directory-\d{4}-\d{2}-\d{2}\.csv$/);
  return parseCsv(await readFile((await download.path())!, "utf8"));
}

/** The same filter in SQL: active engineers, in name order as the list shows them. */
async function activeEngineers() {
  return stack()
    .db.selectFrom("employees")
    .select(["display_name", "work_email", "job_title", "personal_email", "personal_phone"])
    .where("department_id", "=", engineeringId)
    .where("status", "=", "active")
    .where("remote_deleted_at", "is", null)
    .orderBy("display_name")
    .orderBy("id")
    .execute();
}

describe("directory CSV export in a real browser", () => {
  it("an owner's export holds every active engineer, not just the page, with personal details", async () => {
    // Tried: filter Engineering + Active (50 to a page), Export CSV. Holds: one line per matching
    // row in the database, in the list's order, the awkward names intact and the formula defused.
    const page = await stack().newPage();
    await signIn(page, owner.email, DEMO_PASSWORD);
    const [header, ...rows] = await exportFiltered(page);
    await screenshot(page, "directory-export-filtered");
    expect(header).toEqual([
      "Name",
      "Work email",
      "Job title",
      "Department",
      "Location",
      "Manager",
      "Status",
      "Start date",
      "Personal email",
      "Personal phone",
    ]);
    const expected = await activeEngineers();
    expect(expected.length).toBe(ENGINEERS - ENGINEERS / 10);
    expect(rows.length).toBe(expected.length);
    const defused = (value: string) => (/^[=+\-@]/.test(value) && !/^[+-]?[\d\s().-]+$/.test(value) ? `'${value}` : value);
    expect(rows).toEqual(
      expected.map((p) => [
        defused(p.display_name),
        p.work_email,
        defused(p.job_title ?? ""),
        "Engineering",
        "",
        "",
        "Active",
        "2024-03-01",
        p.personal_email,
        p.personal_phone,
      ]),
    );
    expect(rows.map((r) => r[0])).toEqual(expect.arrayContaining(['O\'Brien, "Pat"', "王小明", "Zoë Line\nBreak"]));
    expect(rows.map((r) => r[0])).toContain('\'=HYPERLINK("http://evil.test")');

    // The page declares CJK fonts after the Latin ones, so a name in Chinese renders where one is installed.
    await page.goto(`/directory?q=${encodeURIComponent("王小明")}`);
    const name = page.getByRole("table", { name: "People" }).getByRole("link", { name: "王小明" });
    const fontFamily = await name.evaluate((el) => getComputedStyle(el).fontFamily);
    expect(fontFamily).toMatch(/"Noto Sans CJK SC".*"PingFang SC".*"Microsoft YaHei"/);
  });

  it("a member's export leaves out personal details, and a signed-out request gets nothing", async () => {
    // Tried: the same export as a member without sensitive access, then the URL without a session.
    // Holds: the same people, no personal columns; 401 and no rows for the stranger.
    const page = await stack().newPage();
    await signIn(page, member.email, DEMO_PASSWORD);
    const [header, ...rows] = await exportFiltered(page);
    expect(header).not.toContain("Personal email");
    expect(header).not.toContain("Personal phone");
    expect(header).toHaveLength(8);
    expect(rows.map((r) => r[1])).toEqual((await activeEngineers()).map((p) => p.work_email));
    expect(rows.flat().some((cell) => cell.includes("@example.test"))).toBe(false);
    // Each export is in the audit log: who, with which filters, and whether personal details went with it.
    const audit = await stack()
      .db.selectFrom("audit_log as a")
      .innerJoin("users as u", "u.id", "a.actor_user_id")
      .select(["u.email", "a.details"])
      .where("a.action", "=", "directory.exported")
      .orderBy("a.created_at")
      .execute();
    expect(audit.map((a) => [a.email, (a.details as { sensitive: boolean }).sensitive])).toEqual([
      [owner.email, true],
      [member.email, false],
    ]);
    expect((audit[0]!.details as { filters: object }).filters).toMatchObject({ departmentId: engineeringId, status: "active" });

    const stranger = await stack().newPage();
    const response = await stranger.request.get(`/exports/people.csv?department=${engineeringId}`);
    expect(response.status()).toBe(401);
    expect(await response.text()).not.toContain("@demo.test");
  });
});
