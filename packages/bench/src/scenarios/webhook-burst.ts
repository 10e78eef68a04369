import { randomBytes } from "node:crypto";
import { signLever } from "@roster/sim-lever";
import { inParallel } from "../harness/concurrency";
import { type Rng, seededRng } from "./directory-requests";
import type { Hire } from "./lever-world";

/**
 * One delivery of the burst. `resent`: the very same delivery again (Lever retrying after a
 * lost answer: the API must answer 409 and queue nothing). `new token`: another delivery for
 * a candidate already delivered (a second hire event): 202 while the hire is still on its way (its
 * job then refuses to send twice), or 200 and nothing queued once it was sent; one import either way.
 */
export interface Delivery {
  opportunityId: string;
  token: string;
  kind: "original" | "resent" | "new token";
  body: string;
}

/** Lever's envelope for candidateHired, signed like the simulator signs it (HMAC of token + triggeredAt). */
function envelope(hire: Hire, signingToken: string, triggeredAt: number): { token: string; body: string } {
  const token = randomBytes(24).toString("hex");
  const data = { opportunityId: hire.opportunityId, candidateId: hire.opportunityId, contactId: hire.contactId };
  const signature = signLever(token, triggeredAt, signingToken);
  return { token, body: JSON.stringify({ triggeredAt, event: "candidateHired", data, signature, token }) };
}

function shuffle<T>(items: T[], rng: Rng): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/**
 * One delivery per hire plus 10% duplicates (half re-sent as they were, half as new
 * deliveries), in a seeded random order where a re-send always comes after its original.
 * Signed just before the burst: deliveries older than five minutes are refused.
 */
export function buildDeliveries(hires: readonly Hire[], signingToken: string, seed = 7): Delivery[] {
  const rng = seededRng(seed);
  const now = Date.now();
  const originals: Delivery[] = hires.map((hire) => ({
    opportunityId: hire.opportunityId,
    kind: "original",
    ...envelope(hire, signingToken, now),
  }));
  const duplicates = shuffle([...originals], rng).slice(0, Math.round(hires.length * 0.1));
  const half = Math.ceil(duplicates.length / 2);
  const fresh: Delivery[] = duplicates.slice(half).map((d) => {
    const hire = hires.find((h) => h.opportunityId === d.opportunityId) as Hire;
    return { opportunityId: d.opportunityId, kind: "new token", ...envelope(hire, signingToken, now) };
  });
  const order = shuffle([...originals, ...fresh], rng);
  for (const original of duplicates.slice(0, half)) {
    const after = order.indexOf(original);
    const at = after + 1 + Math.floor(rng() * (order.length - after));
    order.splice(at, 0, { ...original, kind: "resent" });
  }
  return order;
}

export interface BurstResult {
  /** Epoch ms when the first delivery was sent (the clock the worker's succeeded_at uses). */
  startedAtEpochMs: number;
  wallMs: number;
  /** HTTP status per delivery, in burst order; 0 when the request itself failed. */
  statuses: number[];
  errors: string[];
}

/** POSTs every delivery to the API's webhook route, `concurrency` in flight, as Lever's senders would. */
export async function sendBurst(url: string, deliveries: readonly Delivery[], concurrency: number): Promise<BurstResult> {
  const statuses: number[] = new Array(deliveries.length).fill(0);
  const errors: string[] = [];
  const startedAtEpochMs = Date.now();
  const started = performance.now();
  await inParallel(deliveries, concurrency, async (delivery, index) => {
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "user-agent": "Lever-Webhooks" },
        body: delivery.body,
      });
      await response.arrayBuffer();
      statuses[index] = response.status;
    } catch (error) {
      if (errors.length < 10) errors.push(error instanceof Error ? error.message : String(error));
    }
  });
  return { startedAtEpochMs, wallMs: performance.now() - started, statuses, errors };
}

/**
 * What the route must have answered. Each delivery token: one first answer, then 409 for any
 * repeat of it. Each hire: one token's first answer is 202 (it queued the export); where the
 * hire was delivered under two tokens (a second hire event), the other's may be 200 instead:
 * acknowledged and nothing queued, the candidate already sent. Anything else is a refusal or a crash.
 */
export function unexpectedAnswers(deliveries: readonly Delivery[], statuses: readonly number[]): string[] {
  const byHire = new Map<string, Map<string, number[]>>();
  deliveries.forEach((d, i) => {
    const tokens = byHire.get(d.opportunityId) ?? new Map<string, number[]>();
    tokens.set(d.token, [...(tokens.get(d.token) ?? []), statuses[i] ?? 0]);
    byHire.set(d.opportunityId, tokens);
  });
  const problems: string[] = [];
  for (const tokens of byHire.values()) {
    const firstAnswers: number[] = [];
    for (const [token, answers] of tokens) {
      const firsts = answers.filter((s) => s === 202 || (tokens.size > 1 && s === 200));
      const replays = answers.filter((s) => s === 409).length;
      if (firsts.length !== 1 || replays !== answers.length - 1)
        problems.push(`delivery ${token.slice(0, 8)}… answered ${answers.join(", ")}`);
      firstAnswers.push(...firsts);
    }
    if (!firstAnswers.includes(202)) problems.push(`no delivery of ${[...tokens.keys()][0]?.slice(0, 8)}…'s hire was queued`);
  }
  return problems;
}
