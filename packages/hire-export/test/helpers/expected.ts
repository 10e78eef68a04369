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

  // Salary: the offer's own terms; an hourly offer also carries a yearly figure marked as derived.
  const salary: Record<string, unknown> = {
    amount: Number(field("salary_amount")),
    currency: field("compensation_currency"),
    interval: field("salary_interval"),
  };
  if (field("salary_interval") === "per-hour-wage") {
    salary.annual_equivalent = {
      amount: Math.round(Number(field("salary_amount")) * 2080 * 100) / 100,
      currency: field("compensation_currency"),
      derived: true,
      assumption: "2080 hours a year (40 h × 52 weeks)",
    };
  }
  const commitments: Record<string, string> = {
    "Full-time": "full_time",
    "Part-time": "part_time",
    Contract: "contractor",
    Intern: "intern",
  };
  const commitment = posting.categories.commitment;

  // Interviewers: people of interviews that took place (by date), then other authors of live
  // scorecards (by submission); once each; scored by their latest live scorecard. Scorecards of
  // a canceled interview count for nothing.
  const interviews = [...(truth.interviews[opportunityId] ?? [])].sort((a, b) => a.date - b.date);
  const canceled = new Set(interviews.filter((i) => i.canceledAt !== null).map((i) => i.id));
  const at = (f: { completedAt: number | null; createdAt: number }) => f.completedAt ?? f.createdAt;
  const forms = (truth.feedback[opportunityId] ?? [])
    .filter((f) => f.deletedAt === null && !(f.interview && canceled.has(f.interview)))
    .sort((a, b) => at(a) - at(b));
  const people: { id: string; name: string; email: string }[] = [];
  const add = (p: { id: string; name: string; email: string }) => {
    if (!people.some((q) => q.id === p.id)) people.push(p);
  };
  for (const interview of interviews.filter((i) => i.canceledAt === null)) interview.interviewers.forEach(add);
  for (const form of forms) add(user(form.user)!);
  const interviewers = people.map((p) => {
    const latest = forms.filter((f) => f.user === p.id).at(-1);
    const label = latest?.fields.find((x) => x.type === "score-system")?.value ?? null;
    return { name: p.name, email: p.email, score: typeof label === "string" ? Number(label[0]) : null, score_label: label };
  });

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
    salary,
    employment_type: { type: commitments[commitment] ?? null, as_written: commitment, source: "posting" },
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
