import type { LeverSim, Offer } from "@roster/sim-lever";

/**
 * What Zenefits must receive for a hired Lever candidate, computed straight from the
 * simulator's truth with the rules written out here (reference lever-api.md §6), not with the
 * package's own code: the test oracle.
 */
export async function expectedImport(sim: LeverSim, opportunityId: string) {
  const truth = sim.truth();
  const o = truth.opportunities.find((x) => x.id === opportunityId)!;
  const application = truth.applications.find((a) => a.opportunityId === opportunityId)!;
  const posting = truth.postings.find((p) => p.id === application.posting)!;
  const offers = truth.offers[opportunityId] ?? [];
  const offer = offers.filter((x: Offer) => x.status === "signed").at(-1)!;
  const field = (id: string) => offer.fields.find((f) => f.identifier === id)?.value ?? null;
  const user = (id: unknown) => truth.users.find((u) => u.id === id);
  const day = (ms: unknown) => new Date(Number(ms)).toISOString().slice(0, 10);
  const cut = o.name.lastIndexOf(" ");

  const perYear: Record<string, number> = { "per-year-salary": 1, "per-hour-wage": 2080 };
  const interval = String(field("salary_interval"));

  const feedback = (truth.feedback[opportunityId] ?? []).filter((f) => f.deletedAt === null);
  const rating = (f: (typeof feedback)[number]) => f.fields.find((x) => x.type === "score-system")?.value ?? null;
  const interviews = [...(truth.interviews[opportunityId] ?? [])].sort((a, b) => a.date - b.date);
  const interviewers = interviews.flatMap((i) =>
    i.interviewers.map((p) => {
      const form = feedback.find((f) => f.interview === i.id && f.user === p.id);
      return { name: p.name, email: p.email, score: form ? rating(form) : null };
    }),
  );

  const resume = (truth.resumes[opportunityId] ?? []).find((r) => r.file.status !== "error");
  const file = (truth.files[opportunityId] ?? [])[0];
  const path = resume
    ? `/v1/opportunities/${opportunityId}/resumes/${resume.id}/download`
    : file
      ? `/v1/opportunities/${opportunityId}/files/${file.id}/download`
      : null;
  let document: { file_name: string; content_type: string; content_base64: string } | null = null;
  if (path) {
    const res = await fetch(`${sim.url}${path}`, {
      headers: { Authorization: `Basic ${Buffer.from(`${sim.apiKey}:`).toString("base64")}` },
    });
    document = {
      file_name: resume ? resume.file.name : file!.name,
      content_type: (res.headers.get("content-type") ?? "").split(";")[0]!.trim(),
      content_base64: Buffer.from(await res.arrayBuffer()).toString("base64"),
    };
  }

  return {
    external_id: opportunityId,
    first_name: o.name.slice(0, cut),
    last_name: o.name.slice(cut + 1),
    email: o.emails[0]!,
    phone: o.phones[0]?.value ?? null,
    job_title: field("job_title"),
    department: posting.categories.department,
    work_location: posting.categories.location,
    manager: user(field("direct_manager"))?.email ?? null,
    start_date: day(field("anticipated_start_date")),
    offer_date: day(offer.sentAt),
    salary: {
      amount: Number(field("salary_amount")) * (perYear[interval] ?? Number.NaN),
      currency: field("compensation_currency"),
      interval: "year",
    },
    interviewers,
    resume: document,
    source: "lever",
    stage: "hired",
  };
}

/** Active candidates matching a test's needs (two-word name, email…), from the simulator's truth. */
export function findCandidates(
  sim: LeverSim,
  want: { email?: boolean; resume?: boolean; files?: boolean; stage?: string; twoWordName?: boolean },
): string[] {
  const truth = sim.truth();
  return truth.opportunities
    .filter((o, index) => index >= 4 && index < truth.opportunities.length - 1 && o.archived === null)
    .filter((o) => want.stage === undefined || o.stage === want.stage)
    .filter((o) => want.email === undefined || o.emails.length > 0 === want.email)
    .filter((o) => want.twoWordName !== true || /\S \S/.test(o.name))
    .filter((o) => want.resume === undefined || (truth.resumes[o.id] ?? []).length > 0 === want.resume)
    .filter((o) => want.files === undefined || (truth.files[o.id] ?? []).length > 0 === want.files)
    .map((o) => o.id);
}
