import type { Posting } from "../model";
import { COMMITMENTS, DEPARTMENTS, JOB_TITLES, LOCATIONS } from "./catalog";
import { DAY, SEED_ANCHOR_MS, type SeedContext } from "./seed-context";
import type { UserPools } from "./seed-users";

const CURRENCY_BY_COUNTRY: Record<string, string> = { US: "USD", GB: "GBP", DE: "EUR", CA: "CAD" };

export function currencyFor(country: string): string {
  return CURRENCY_BY_COUNTRY[country] ?? "USD";
}

/**
 * 6 postings plus one per 15 opportunities (at most 400). The last posting is confidential
 * (reference §7.8); a few are internal or closed.
 */
export function seedPostings(ctx: SeedContext, pools: UserPools, opportunityCount: number): Posting[] {
  const { prng, store } = ctx;
  const count = Math.min(400, 6 + Math.ceil(opportunityCount / 15));
  for (let i = 0; i < count; i++) {
    const id = prng.uuid();
    const dept = prng.pick(DEPARTMENTS);
    const team = prng.pick(dept.teams);
    const title = prng.pick(JOB_TITLES[dept.department] ?? ["Generalist"]);
    const location = prng.pick(LOCATIONS);
    const commitment = prng.pick(COMMITMENTS);
    const recruiter = prng.pick(pools.recruiters);
    const hiringManager = prng.pick(pools.hiringManagers);
    const currency = currencyFor(location.country);
    const hourly = commitment === "Part-time" || commitment === "Intern";
    const min = hourly ? prng.int(20, 45) : prng.int(60, 160) * 1000;
    const max = hourly ? min + prng.int(5, 20) : min + prng.int(15, 50) * 1000;
    const interval = hourly ? "per-hour-wage" : "per-year-salary";
    const salaryText = `${currency} ${min.toLocaleString("en-US")} – ${max.toLocaleString("en-US")} ${hourly ? "per hour" : "per year"}`;
    const description = `Join the ${team} team as a ${title} in ${location.city}.`;
    const createdAt = SEED_ANCHOR_MS - prng.int(200, 500) * DAY;
    const state: Posting["state"] = i % 9 === 4 ? "internal" : i % 11 === 7 ? "closed" : "published";
    store.addPosting({
      id,
      text: title,
      state,
      distributionChannels: state === "published" ? ["public", "internal"] : ["internal"],
      confidentiality: i === count - 1 ? "confidential" : "non-confidential",
      user: recruiter.id,
      owner: recruiter.id,
      hiringManager: hiringManager.id,
      categories: {
        team,
        department: dept.department,
        location: location.city,
        allLocations: [location.city],
        commitment,
        level: null,
      },
      tags: [dept.department],
      content: {
        description,
        descriptionHtml: `<div>${description}</div>`,
        lists: [{ text: "What you'll do", content: "<li>Ship things</li><li>Help your team</li>" }],
        closing: "We look forward to meeting you.",
        closingHtml: "<div>We look forward to meeting you.</div>",
      },
      country: location.country,
      followers: [recruiter.id, hiringManager.id],
      reqCode: `REQ-${String(100 + i)}`,
      requisitionCodes: [`REQ-${String(100 + i)}`],
      salaryDescription: salaryText,
      salaryDescriptionHtml: `<div>${salaryText}</div>`,
      salaryRange: { min, max, currency, interval },
      urls: {
        list: "https://jobs.lever.co/acme",
        show: `https://jobs.lever.co/acme/${id}`,
        apply: `https://jobs.lever.co/acme/${id}/apply`,
      },
      workplaceType: location.city.startsWith("Remote") ? "remote" : prng.pick(["onsite", "hybrid"] as const),
      createdAt,
      updatedAt: createdAt + prng.int(0, 100) * DAY,
    });
  }
  return store.postings;
}
