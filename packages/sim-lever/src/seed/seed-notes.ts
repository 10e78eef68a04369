import type { Note } from "../model";
import { stageIndex } from "./catalog";
import { HOUR, type SeedContext } from "./seed-context";

const TEXTS = [
  "Great conversation about their last project.",
  "Strong on fundamentals, wants more ownership.",
  "Salary expectations above the band; discussed equity.",
  "Relocating in the spring; flexible on start date.",
  "Asked thoughtful questions about the team.",
  "Needs a visa transfer.",
];
const RECRUITER_SCREEN_INDEX = stageIndex("6b1e3b4a-0c52-4a8e-9d3e-5f0c2a7d1e01");

/**
 * One to three notes on every opportunity that got past the recruiter screen (or was archived),
 * by its owner or a follower; about a third carry a 1–4 score, a tenth are secret.
 */
export function seedNotes(ctx: SeedContext): void {
  const { prng, store } = ctx;
  for (const o of store.opportunities) {
    if (stageIndex(o.stage) < RECRUITER_SCREEN_INDEX && o.archived === null) continue;
    const notes = store.listFor(store.notes, o.id);
    const count = prng.int(1, 3);
    for (let i = 0; i < count; i++) {
      const createdAt = o.createdAt + Math.floor(((o.updatedAt - o.createdAt) * (i + 1)) / (count + 1)) + prng.int(0, 3) * HOUR;
      const text = prng.pick(TEXTS);
      const fields: Note["fields"] = [{ type: "note", text: "Note", value: text }];
      if (prng.chance(0.33)) fields.push({ type: "score", text: "Rating", value: prng.int(1, 4) });
      notes.push({
        id: prng.uuid(),
        text,
        fields,
        user: prng.pick(o.followers),
        secret: prng.chance(0.1),
        completedAt: createdAt,
        createdAt,
        deletedAt: null,
      });
    }
  }
}
