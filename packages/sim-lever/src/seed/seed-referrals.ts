import type { SeedContext } from "./seed-context";

const RELATIONSHIPS = ["Former colleague", "Friend", "Met at a conference", "University classmate"];

/** A completed referral form for every referred opportunity, by the user its application names. */
export function seedReferrals(ctx: SeedContext): void {
  const { prng, store } = ctx;
  const baseTemplateId = prng.uuid();
  for (const o of store.opportunities) {
    const application = store.applications.get(o.applications[0] ?? "");
    if (o.origin !== "referred" || !application?.user) continue;
    store.listFor(store.referrals, o.id).push({
      id: prng.uuid(),
      type: "referral",
      text: "Referral",
      instructions: "Tell us about the person you are referring.",
      fields: [
        {
          type: "dropdown",
          text: "Relationship",
          description: "How do you know them?",
          required: true,
          value: prng.pick(RELATIONSHIPS),
        },
        {
          type: "textarea",
          text: "Why are they a fit?",
          description: "",
          required: false,
          value: `Worked with ${o.name} and would again.`,
        },
      ],
      baseTemplateId,
      user: application.user,
      referrer: application.user,
      createdAt: o.createdAt,
      completedAt: o.createdAt,
    });
  }
}
