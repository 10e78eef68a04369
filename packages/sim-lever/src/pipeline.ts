import { ApiError, notFound } from "./http/api-result";
import type { Archived, Opportunity } from "./model";
import { OFFER_STAGE_ID } from "./seed/catalog";
import type { SeedContext } from "./seed/seed-context";
import { createOffer, signOffer } from "./seed/seed-offers";
import type { Store } from "./store/store";
import type { WebhookDispatcher } from "./webhooks/dispatcher";
import { opportunityEventData } from "./webhooks/payload";

/**
 * Candidate moves that happen while the simulator runs (API driver endpoints, admin, programmatic),
 * with the webhooks Lever would send for them (reference §7.5).
 */
export class Pipeline {
  constructor(
    private readonly ctx: SeedContext,
    private readonly dispatcher: WebhookDispatcher,
  ) {}

  private get store(): Store {
    return this.ctx.store;
  }

  opportunity(id: string): Opportunity {
    const opportunity = this.store.opportunity(id);
    if (!opportunity) throw notFound("opportunities", id);
    return opportunity;
  }

  /**
   * Moves to `stageId` at once (throwing on unknown ids) and emits candidateStageChange; the promise
   * resolves with the first delivery status per target.
   */
  moveStage(opportunityId: string, stageId: string, userId?: string): Promise<(number | null)[]> {
    const o = this.opportunity(opportunityId);
    const toIndex = this.store.stages.findIndex((s) => s.id === stageId);
    if (toIndex < 0) throw notFound("stages", stageId);
    const fromStageId = o.stage;
    if (fromStageId === stageId) return Promise.resolve([]);
    const now = Date.now();
    o.stage = stageId;
    o.stageChanges.push({ toStageId: stageId, toStageIndex: toIndex, updatedAt: now, userId: userId ?? o.owner });
    o.updatedAt = now;
    o.lastAdvancedAt = now;
    o.lastInteractionAt = now;
    // Keeps the simulator's invariant that everyone in Offer has an offer (the recruiter sends one).
    if (stageId === OFFER_STAGE_ID) this.ensureOffer(o, false);
    const data = opportunityEventData(o.id, o.contact, { toStageId: stageId, fromStageId });
    return this.dispatcher.emit("candidateStageChange", data, o.origin);
  }

  /**
   * Archives with `reasonId` (null unarchives) and emits candidateArchiveChange; a hired-type reason
   * also emits candidateHired. The state changes at once; the promise resolves with the first
   * delivery statuses of the last event sent.
   */
  archive(opportunityId: string, reasonId: string | null): Promise<(number | null)[]> {
    const o = this.opportunity(opportunityId);
    const reason = reasonId === null ? undefined : this.store.archiveReason(reasonId);
    if (reasonId !== null && !reason) throw notFound("archive_reasons", reasonId);
    if (reason?.type === "hired" && this.store.isHired(o)) {
      throw new ApiError(409, "Conflict", `opportunity ${o.id} is already hired`);
    }
    const fromArchived = o.archived;
    const now = Date.now();
    const toArchived: Archived | null = reason ? { reason: reason.id, archivedAt: now } : null;
    o.archived = toArchived;
    o.updatedAt = now;
    o.lastInteractionAt = now;
    const application = this.store.applications.get(o.applications[0] ?? "");
    if (application) application.archived = toArchived;
    if (reason?.type === "hired") this.ensureOffer(o, true);
    const data = opportunityEventData(o.id, o.contact, { fromArchived, toArchived });
    const archiveChange = this.dispatcher.emit("candidateArchiveChange", data, o.origin);
    if (reason?.type !== "hired") return archiveChange;
    // Sequential, so receivers see the archive change before the hire.
    return archiveChange.then(() => this.dispatcher.emit("candidateHired", opportunityEventData(o.id, o.contact), o.origin));
  }

  /** Latest offer that is not a draft, creating (and when hiring, signing) one as needed. */
  private ensureOffer(o: Opportunity, signed: boolean): void {
    const offers = this.store.listFor(this.store.offers, o.id);
    const current = offers.findLast((offer) => offer.status !== "draft" && offer.status !== "denied");
    const posting = this.store.postingOf(o);
    if (!current) {
      if (posting) createOffer(this.ctx, o, posting, signed ? "signed" : "sent", Date.now() - 4 * 86_400_000);
      return;
    }
    if (signed && current.status !== "signed") signOffer(this.ctx, current, o, Date.now());
  }
}
