import { randomUUID } from "node:crypto";
import type { HireExportSettings } from "@roster/hire-export";
import { encryptJson, generateEncryptionKey } from "@roster/secrets";
import type { LeverTruth } from "@roster/sim-lever";
import type { BenchContext } from "../context";
import { allStarted, inParallel } from "../harness/concurrency";
import type { FreshDb } from "../harness/database";
import { fmt } from "../harness/figure";
import {
  type LeverSimInfo,
  startLeverSimProcess,
  startZenefitsAtsProcess,
  type ZenefitsAtsInfo,
} from "../harness/product-processes";
import type { Service } from "../harness/service";

/** A Zenefits simulator (own process) whose ATS import channel receives the hires. */
export type ZenefitsTarget = Service<ZenefitsAtsInfo>;

export interface Hire {
  opportunityId: string;
  contactId: string;
}

export interface HireWorld {
  db: FreshDb;
  encryptionKey: string;
  organisationId: string;
  connectionId: string;
  lever: Service<LeverSimInfo>;
  /** Where the product's exports go. */
  zenefits: ZenefitsTarget;
  /** Where the baseline's direct imports go, so they never mix with the product's. */
  floorZenefits: ZenefitsTarget;
  /** Candidates hired in Lever, each a complete new hire Zenefits accepts. */
  hires: Hire[];
  stop(): Promise<void>;
}

/** A simulator's admin endpoint (Lever's or Zenefits'), answered as JSON. */
export async function admin<T>(base: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${base}/__admin${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`simulator admin ${method} ${path} answered ${response.status}: ${text.slice(0, 200)}`);
  return (text === "" ? undefined : JSON.parse(text)) as T;
}

/**
 * Lever's seed has edge cases an export must refuse (no email, a one-word name, the first
 * four and the last opportunity): the same rule as hire-export's flow tests keeps complete,
 * active candidates only, so "every candidate imported exactly once" is the right expectation.
 */
function hireable(truth: LeverTruth, count: number): Hire[] {
  const last = truth.opportunities.length - 1;
  const picked = truth.opportunities
    .filter((o, index) => index >= 4 && index < last && o.archived === null && o.emails.length > 0 && /\S \S/.test(o.name))
    .slice(0, count)
    .map((o) => ({ opportunityId: o.id, contactId: o.contact }));
  if (picked.length < count) throw new Error(`the Lever seed has ${picked.length} hireable candidates, ${count} wanted`);
  return picked;
}

/** `count` complete candidates of the Lever simulator, hired there (its admin endpoint; no webhook is sent). */
export async function hireInLever(lever: Service<LeverSimInfo>, count: number): Promise<Hire[]> {
  const hires = hireable(await admin<LeverTruth>(lever.info.url, "GET", "/truth"), count);
  await inParallel(hires, 8, async (hire) => {
    await admin(lever.info.url, "POST", `/opportunities/${hire.opportunityId}/hire`);
  });
  return hires;
}

/** What a Lever connection stores: its key and signing token, and the Zenefits import channel it exports to. */
export function leverConnectionCredentials(lever: Service<LeverSimInfo>, zenefits: ZenefitsTarget): Record<string, unknown> {
  return {
    apiKey: lever.info.apiKey,
    webhookSigningToken: lever.info.signingToken,
    baseUrl: `${lever.info.url}/v1`,
    zenefitsCompanyId: zenefits.info.companyId,
    zenefitsClientSecret: zenefits.info.clientSecret,
    zenefitsBaseUrl: zenefits.info.url,
  };
}

/**
 * Figure 7's world: a fresh database; the Lever simulator and two Zenefits simulators, each in
 * its own process; an organisation whose Lever connection holds both sides' credentials
 * encrypted as Settings saves them; and `sizes.hires` candidates hired in Lever with no webhook
 * configured, so the benchmark alone decides when their deliveries arrive.
 */
export async function prepareHireWorld(ctx: BenchContext): Promise<HireWorld> {
  const count = ctx.sizes.hires;
  const db = await ctx.dbs.fresh("lever_webhooks");
  const started: { stop(): Promise<void> }[] = [];
  const stop = async () => {
    await Promise.all(started.map((s) => s.stop().catch(() => {})));
  };
  try {
    // ~70% of Lever's seeded opportunities are complete, active candidates.
    const opportunities = Math.ceil(count * 1.6) + 10;
    const [lever, zenefits, floorZenefits] = await ctx.progress.step(
      `starting the Lever simulator (${fmt.count(opportunities)} opportunities) and two Zenefits simulators`,
      () =>
        allStarted<[Service<LeverSimInfo>, ZenefitsTarget, ZenefitsTarget]>(
          [
            startLeverSimProcess({ opportunities, seed: 7 }),
            startZenefitsAtsProcess({ seed: 42 }),
            startZenefitsAtsProcess({ seed: 43 }),
          ],
          (s) => started.push(s),
        ),
    );
    const hires = await ctx.progress.step(`hiring ${fmt.count(count)} candidates in Lever (no webhook configured)`, () =>
      hireInLever(lever, count),
    );

    const encryptionKey = generateEncryptionKey();
    const org = await db.db.insertInto("organisations").values({ name: "Bench Hires" }).returning("id").executeTakeFirstOrThrow();
    const owner = await db.db
      .insertInto("users")
      .values({ email: `recruiting-${randomUUID().slice(0, 8)}@bench.roster.test`, name: "Recruiting Ops", password_hash: "x" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db.db.insertInto("memberships").values({ organisation_id: org.id, user_id: owner.id, role: "owner" }).execute();
    const credentials = leverConnectionCredentials(lever, zenefits);
    const settings: HireExportSettings = { enabled: true, contactUserId: owner.id, offersMode: "lever", exportTo: null };
    const connectionId = randomUUID();
    await db.db
      .insertInto("connections")
      .values({
        id: connectionId,
        organisation_id: org.id,
        connector_id: "lever",
        display_name: "Lever",
        // Bound to the row id, as saveLeverSetup stores them.
        credentials_encrypted: encryptJson(credentials, encryptionKey, connectionId),
        settings: JSON.stringify(settings),
        // Synced a moment ago: the worker's schedule_due leaves the candidate sync out of this figure.
        last_sync_at: new Date(),
        next_sync_at: new Date(Date.now() + 24 * 3_600_000),
      })
      .execute();
    return { db, encryptionKey, organisationId: org.id, connectionId, lever, zenefits, floorZenefits, hires, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The Zenefits simulator's admin view of what was imported and how many import calls it answered. */
export async function zenefitsImports(target: ZenefitsTarget) {
  const { data } = await admin<{ data: { external_id: string | null; created_at: string; updated_at: string }[] }>(
    target.info.url,
    "GET",
    `/ats/candidates?companyId=${encodeURIComponent(target.info.companyId)}`,
  );
  const log = await admin<{ byPath: Record<string, number> }>(target.info.url, "GET", "/requests");
  const importCalls = Object.entries(log.byPath)
    .filter(([path]) => /^\/ats\/v1\/companies\/[^/]+\/candidates$/.test(path))
    .reduce((sum, [, n]) => sum + n, 0);
  return { candidates: data, importCalls };
}
