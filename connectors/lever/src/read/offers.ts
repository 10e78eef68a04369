import type { ConnectorContext } from "@roster/core";
import { encode, listAll } from "../client";
import type { LeverCredentials } from "../manifest";
import { type RawOffer, rawOffer } from "../raw";

type Ctx = ConnectorContext<LeverCredentials>;

/** Every offer of an opportunity, oldest first (reference §4 Offer: status, sentAt, `fields[]`). */
export function listOffers(ctx: Ctx, opportunityId: string): Promise<RawOffer[]> {
  // GET /opportunities/:id/offers — https://hire.lever.co/developer/documentation#list-all-offers
  return listAll(ctx, `opportunities/${encode(opportunityId)}/offers`, rawOffer);
}

/**
 * The offer an export uses (reference §6 "offer used"): the latest signed one, else the latest
 * that is neither a draft nor denied.
 */
export function pickOffer(offers: readonly RawOffer[]): RawOffer | null {
  const latest = (list: RawOffer[]) => list.sort((a, b) => (a.createdAt ?? 0) - (b.createdAt ?? 0)).at(-1) ?? null;
  return (
    latest(offers.filter((o) => o.status === "signed")) ??
    latest(offers.filter((o) => o.status !== "draft" && o.status !== "denied"))
  );
}

/** An offer field's value by identifier (`salary_amount`, `anticipated_start_date`, `direct_manager`…). */
export function offerField(offer: RawOffer | null, identifier: string): string | number | boolean | null {
  return offer?.fields?.find((f) => f.identifier === identifier)?.value ?? null;
}
