import type { Offer, OfferField, OfferStatus, Opportunity, Posting } from "../model";
import { OFFER_STAGE_ID } from "./catalog";
import { buildPdf } from "./file-bodies";
import { DAY, HOUR, type SeedContext, startOfUtcDay } from "./seed-context";
import { currencyFor } from "./seed-postings";

const SENT_STATUSES: readonly OfferStatus[] = ["sent", "opened", "signed", "sent-manually"];

function offerDocumentBytes(o: Opportunity, title: string, fields: readonly OfferField[], signed: boolean): Buffer {
  const byId = (id: string) => fields.find((f) => f.identifier === id)?.value ?? "";
  return buildPdf([
    `Offer letter - ${o.name}`,
    `Position: ${String(byId("job_title"))}`,
    `Compensation: ${String(byId("salary_amount"))} ${String(byId("compensation_currency"))} ${String(byId("salary_interval"))}`,
    signed ? `Signed by ${title}` : "Awaiting signature",
  ]);
}

function attachDocument(ctx: SeedContext, offer: Offer, o: Opportunity, kind: "sent" | "signed", at: number): void {
  const fileName = kind === "sent" ? "offer.pdf" : "offer_signed.pdf";
  const bytes = offerDocumentBytes(o, o.name, offer.fields, kind === "signed");
  ctx.store.blobs.set(`${offer.id}:${kind}`, { bytes, contentType: "application/pdf", fileName });
  const doc = {
    fileName,
    uploadedAt: at,
    downloadUrl: `${ctx.baseUrl}/v1/opportunities/${o.id}/offers/${offer.id}/download?status=${kind}`,
  };
  if (kind === "sent") offer.sentDocument = doc;
  else offer.signedDocument = doc;
}

/** Offer fields exactly as the reference lists them; amounts are whole currency units. */
function offerFields(ctx: SeedContext, o: Opportunity, posting: Posting, createdAt: number): OfferField[] {
  const { prng, store } = ctx;
  const range = posting.salaryRange;
  const hourly = range?.interval === "per-hour-wage";
  const amount = range
    ? hourly
      ? prng.int(range.min, range.max)
      : Math.round(prng.int(range.min, range.max) / 100) * 100
    : 90_000;
  const directManager = prng.chance(0.8) ? posting.hiringManager : prng.pick(store.users.filter((u) => !u.deactivatedAt)).id;
  const fields: OfferField[] = [
    { text: "Job posting", identifier: "job_posting", value: posting.id },
    { text: "Job title", identifier: "job_title", value: prng.chance(0.2) ? `Senior ${posting.text}` : posting.text },
    { text: "Candidate name", identifier: "candidate_name", value: o.name },
    { text: "Offered compensation amount", identifier: "salary_amount", value: amount },
    {
      text: "Compensation currency",
      identifier: "compensation_currency",
      value: range?.currency ?? currencyFor(posting.country),
    },
    { text: "Type of earnings", identifier: "salary_interval", value: range?.interval ?? "per-year-salary" },
    { text: "Hiring manager", identifier: "hiring_manager", value: posting.hiringManager },
    { text: "Direct manager", identifier: "direct_manager", value: directManager },
    { text: "Today's date", identifier: "today_date", value: createdAt },
    {
      text: "Anticipated start date",
      identifier: "anticipated_start_date",
      value: startOfUtcDay(createdAt + prng.int(14, 45) * DAY),
    },
  ];
  if (prng.chance(0.3)) fields.push({ text: "equity", identifier: "custom_equity", value: prng.int(1, 50) * 500 });
  return fields;
}

/**
 * Creates an offer in `status`. Sent-or-later offers carry `sentAt` and a sent PDF; signed ones also
 * a signed PDF. Offers before sending (draft, approval-sent, approved) have `sentAt: null`.
 */
export function createOffer(ctx: SeedContext, o: Opportunity, posting: Posting, status: OfferStatus, createdAt: number): Offer {
  const { prng, store } = ctx;
  const fields = offerFields(ctx, o, posting, createdAt);
  const approved = status !== "draft" && status !== "approval-sent";
  const sent = SENT_STATUSES.includes(status);
  const approvedAt = approved ? createdAt + prng.int(1, 20) * HOUR : null;
  const sentAt = sent && approvedAt ? approvedAt + prng.int(1, 20) * HOUR : null;
  const opened = status === "opened" || status === "signed";
  const offer: Offer = {
    id: prng.uuid(),
    createdAt,
    status,
    creator: o.owner,
    approvedAt,
    sentAt,
    fields,
    signatures: {
      candidate: {
        role: "candidate",
        name: o.name,
        email: o.emails[0] ?? null,
        firstOpenedAt: opened && sentAt ? sentAt + 2 * HOUR : null,
        lastOpenedAt: opened && sentAt ? sentAt + 5 * HOUR : null,
        signedAt: null,
        signed: false,
      },
    },
    sentDocument: null,
    signedDocument: null,
  };
  if (sentAt) attachDocument(ctx, offer, o, "sent", sentAt);
  if (status === "signed") signOffer(ctx, offer, o, (sentAt ?? createdAt) + prng.int(6, 48) * HOUR);
  store.listFor(store.offers, o.id).push(offer);
  return offer;
}

export function signOffer(ctx: SeedContext, offer: Offer, o: Opportunity, signedAt: number): void {
  offer.status = "signed";
  offer.signatures.candidate.signed = true;
  offer.signatures.candidate.signedAt = signedAt;
  offer.signatures.candidate.firstOpenedAt ??= signedAt - HOUR;
  offer.signatures.candidate.lastOpenedAt = signedAt;
  if (!offer.sentAt) {
    offer.approvedAt ??= signedAt - 2 * HOUR;
    offer.sentAt = signedAt - HOUR;
    attachDocument(ctx, offer, o, "sent", offer.sentAt);
  }
  attachDocument(ctx, offer, o, "signed", signedAt);
}

/** Offers for every opportunity in the Offer stage or hired; some also kept an older draft. */
export function seedOffers(ctx: SeedContext, plans: readonly { opportunity: Opportunity; posting: Posting }[]): void {
  const { prng, store } = ctx;
  for (const { opportunity: o, posting } of plans) {
    const hired = store.isHired(o);
    if (!hired && (o.stage !== OFFER_STAGE_ID || o.archived)) continue;
    const offerStageAt = o.stageChanges.at(-1)?.updatedAt ?? o.createdAt;
    if (prng.chance(0.15)) createOffer(ctx, o, posting, "draft", offerStageAt + HOUR);
    const status: OfferStatus = hired ? "signed" : prng.weighted(["sent", "opened", "approved"] as const, [6, 3, 1]);
    createOffer(ctx, o, posting, status, offerStageAt + 3 * HOUR);
  }
}
