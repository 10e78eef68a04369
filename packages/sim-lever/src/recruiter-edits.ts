import { ApiError, notFound } from "./http/api-result";
import type { Feedback, FeedbackField, Interview, Offer, Opportunity } from "./model";
import type { SeedContext } from "./seed/seed-context";
import { RATINGS } from "./seed/seed-interviews";

export interface FeedbackInput {
  /** The Lever user who submits the form. */
  userId: string;
  /** The interview it scores; none for a form outside an interview (type "share"). */
  interviewId?: string | null;
  /** The overall rating as Lever words it ("3 - Hire"), or null for a form without one. */
  rating: string | null;
  /** Default: now. */
  completedAt?: number;
}

/**
 * What recruiters and interviewers do in Lever's own screens that the API cannot: submit another
 * scorecard, delete one, cancel an interview, change an offer's terms. For tests of what an
 * export reads; none of them sends a webhook (Lever sends none for these either, README choice 17).
 */
export class RecruiterEdits {
  constructor(private readonly ctx: SeedContext) {}

  private opportunity(id: string): Opportunity {
    const opportunity = this.ctx.store.opportunity(id);
    if (!opportunity) throw notFound("opportunities", id);
    return opportunity;
  }

  private interview(opportunityId: string, interviewId: string): Interview {
    const interview = this.ctx.store.listFor(this.ctx.store.interviews, opportunityId).find((i) => i.id === interviewId);
    if (!interview) throw notFound("interviews", interviewId);
    return interview;
  }

  /** A submitted scorecard, shaped like the account's others (same template when the candidate has one). */
  addFeedback(opportunityId: string, input: FeedbackInput): Feedback {
    const { prng, store } = this.ctx;
    const o = this.opportunity(opportunityId);
    if (!store.user(input.userId)) throw notFound("users", input.userId);
    const interview = input.interviewId ? this.interview(o.id, input.interviewId) : null;
    const forms = store.listFor(store.feedback, o.id);
    const template = forms.find((f) => f.fields.some((x) => x.type === "score-system"));
    const completedAt = input.completedAt ?? Date.now();
    const ratingField: FeedbackField = {
      id: template?.fields.find((x) => x.type === "score-system")?.id ?? prng.uuid(),
      type: "score-system",
      text: "Rating",
      required: true,
      options: RATINGS.map((text) => ({ text })),
      value: input.rating,
    };
    const form: Feedback = {
      id: prng.uuid(),
      type: interview ? "interview" : "share",
      text: interview ? interview.subject.split(" - ")[0]! : "Feedback",
      instructions: "Rate the candidate on each competency.",
      baseTemplateId: template?.baseTemplateId ?? prng.uuid(),
      interview: interview?.id ?? null,
      panel: interview?.panel ?? null,
      user: input.userId,
      createdAt: completedAt,
      updatedAt: completedAt,
      completedAt,
      deletedAt: null,
      fields: [ratingField],
    };
    forms.push(form);
    interview?.feedbackForms.push(form.id);
    return structuredClone(form);
  }

  /** Deletes a scorecard as Lever does: it stays listed, with `deletedAt` set. */
  deleteFeedback(opportunityId: string, feedbackId: string): Feedback {
    const { store } = this.ctx;
    const form = store.listFor(store.feedback, this.opportunity(opportunityId).id).find((f) => f.id === feedbackId);
    if (!form) throw notFound("feedback", feedbackId);
    form.deletedAt ??= Date.now();
    form.updatedAt = form.deletedAt;
    return structuredClone(form);
  }

  /** Cancels an interview (`canceledAt`), and its panel once every interview of the panel is canceled. */
  cancelInterview(opportunityId: string, interviewId: string): Interview {
    const { store } = this.ctx;
    const o = this.opportunity(opportunityId);
    const interview = this.interview(o.id, interviewId);
    interview.canceledAt ??= Date.now();
    const panel = store.listFor(store.panels, o.id).find((p) => p.id === interview.panel);
    if (panel) {
      // The panel embeds its interviews: keep its copy in step.
      for (const embedded of panel.interviews) if (embedded.id === interview.id) embedded.canceledAt = interview.canceledAt;
      if (panel.interviews.every((i) => i.canceledAt !== null)) panel.canceledAt ??= interview.canceledAt;
    }
    return structuredClone(interview);
  }

  /**
   * Sets fields of the candidate's current offer (the latest that is neither a draft nor denied),
   * e.g. `{salary_amount: 31.5, salary_interval: "per-hour-wage"}`; a new identifier adds the
   * field, null removes it.
   */
  setOfferFields(opportunityId: string, fields: Readonly<Record<string, string | number | null>>): Offer {
    const { store } = this.ctx;
    const o = this.opportunity(opportunityId);
    const offer = store.listFor(store.offers, o.id).findLast((x) => x.status !== "draft" && x.status !== "denied");
    if (!offer) throw new ApiError(409, "Conflict", `opportunity ${o.id} has no offer to change`);
    for (const [identifier, value] of Object.entries(fields)) {
      const index = offer.fields.findIndex((f) => f.identifier === identifier);
      if (value === null) {
        if (index >= 0) offer.fields.splice(index, 1);
      } else if (index >= 0) {
        offer.fields[index]!.value = value;
      } else {
        offer.fields.push({ text: identifier.replace(/^custom_/, "").replaceAll("_", " "), identifier, value });
      }
    }
    return structuredClone(offer);
  }
}
