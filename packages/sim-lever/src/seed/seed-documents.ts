import type { LeverFile, Resume } from "../model";
import { COMPANIES, UNIVERSITIES } from "./catalog";
import { buildBody, CONTENT_TYPES } from "./file-bodies";
import { DAY, HOUR, type SeedContext } from "./seed-context";
import type { OpportunityPlan } from "./seed-opportunities";

const EXTRA_FILES = [
  { title: "Cover letter", ext: ".txt" },
  { title: "Portfolio", ext: ".pdf" },
  { title: "References", ext: ".txt" },
] as const;

function resumeLines(plan: OpportunityPlan): string[] {
  const o = plan.opportunity;
  return [`Resume - ${o.name}`, o.emails[0] ?? "(no email)", o.phones[0]?.value ?? "(no phone)", `Experience: ${o.headline}`];
}

function seedResume(ctx: SeedContext, plan: OpportunityPlan, unprocessable: boolean): void {
  const { prng, store, baseUrl } = ctx;
  const o = plan.opportunity;
  const id = prng.uuid();
  const ext = prng.chance(0.8) ? ".pdf" : ".txt";
  const name = `${o.name} - Resume${ext}`;
  const bytes = buildBody(ext, resumeLines(plan));
  const uploadedAt = o.createdAt + prng.int(1, 48) * HOUR;
  const startYear = prng.int(2012, 2020);
  const resume: Resume = {
    id,
    createdAt: uploadedAt,
    file: {
      name,
      ext,
      downloadUrl: `${baseUrl}/v1/opportunities/${o.id}/resumes/${id}/download`,
      uploadedAt,
      // Lever could not parse this one: its download answers 422 (reference §2 Errors).
      status: unprocessable ? "error" : "processed",
      size: bytes.length,
    },
    parsedData: unprocessable
      ? { positions: [], schools: [] }
      : {
          positions: [
            {
              org: prng.pick(COMPANIES),
              title: plan.posting.text,
              summary: "Built and shipped things.",
              location: o.location,
              start: { year: startYear + 3, month: prng.int(1, 12) },
              end: null,
            },
            {
              org: prng.pick(COMPANIES),
              title: "Associate",
              summary: "Learned the ropes.",
              location: o.location,
              start: { year: startYear, month: prng.int(1, 12) },
              end: { year: startYear + 3, month: prng.int(1, 12) },
            },
          ],
          schools: [
            {
              org: prng.pick(UNIVERSITIES),
              degree: "BSc",
              field: "Computer Science",
              summary: "",
              start: { year: startYear - 4, month: 9 },
              end: { year: startYear, month: 6 },
            },
          ],
        },
  };
  store.listFor(store.resumes, o.id).push(resume);
  store.blobs.set(id, { bytes, contentType: CONTENT_TYPES[ext] ?? "application/octet-stream", fileName: name });
}

function seedFiles(ctx: SeedContext, plan: OpportunityPlan, count: number): void {
  const { prng, store, baseUrl } = ctx;
  const o = plan.opportunity;
  for (let i = 0; i < count; i++) {
    const kind = EXTRA_FILES[(i + prng.int(0, 2)) % EXTRA_FILES.length] ?? EXTRA_FILES[0];
    const id = prng.uuid();
    const name = `${kind.title} - ${o.name}${kind.ext}`;
    const bytes = buildBody(kind.ext, [`${kind.title} for ${o.name}`, `Applying for ${plan.posting.text}.`]);
    const file: LeverFile = {
      id,
      downloadUrl: `${baseUrl}/v1/opportunities/${o.id}/files/${id}/download`,
      ext: kind.ext,
      name,
      uploadedAt: o.createdAt + prng.int(1, 10) * DAY,
      status: "processed",
      size: bytes.length,
    };
    store.listFor(store.files, o.id).push(file);
    store.blobs.set(id, { bytes, contentType: CONTENT_TYPES[kind.ext] ?? "application/octet-stream", fileName: name });
  }
}

/** Resumes and other files: some candidates have a resume, some only files, some neither. */
export function seedDocuments(ctx: SeedContext, plans: readonly OpportunityPlan[]): void {
  for (const plan of plans) {
    if (plan.documents === "resume" || plan.documents === "unprocessableResume") {
      seedResume(ctx, plan, plan.documents === "unprocessableResume");
      if (ctx.prng.chance(0.3)) seedFiles(ctx, plan, 1);
    } else if (plan.documents === "filesOnly") {
      seedFiles(ctx, plan, ctx.prng.int(1, 2));
    }
  }
}
