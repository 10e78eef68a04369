import type { ReactNode } from "react";
import { formatIsoDate } from "../../format";
import type { RouterOutputs } from "../../trpc";

type Sent = RouterOutputs["lever"]["transfers"][number]["sent"];

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value : null);
const money = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

interface SalaryShape {
  amount?: unknown;
  currency?: unknown;
  interval?: unknown;
  annual_equivalent?: { amount?: unknown; currency?: unknown; assumption?: unknown } | null;
}

/** "31.5 USD · per-hour-wage", and below it the yearly figure Roster derived, labelled as such. */
function salaryValue(value: unknown): ReactNode {
  const salary = value as SalaryShape | null;
  if (!salary || typeof salary.amount !== "number") return null;
  const offered = [`${money.format(salary.amount)} ${text(salary.currency) ?? ""}`.trim(), text(salary.interval)]
    .filter(Boolean)
    .join(" · ");
  const annual = salary.annual_equivalent;
  if (!annual || typeof annual.amount !== "number") return offered;
  return (
    <>
      {offered}
      <br />
      <span className="muted small">
        ≈ {money.format(annual.amount)} {text(annual.currency)} a year, derived by Roster
        {text(annual.assumption) ? ` assuming ${annual.assumption}` : ""}; not part of the offer
      </span>
    </>
  );
}

/** "Part-time · from the offer", or with "(not a type Roster knows)" when the words name none. */
function employmentValue(value: unknown): string | null {
  const employment = value as { type?: unknown; as_written?: unknown; source?: unknown } | null;
  const words = text(employment?.as_written);
  if (!employment || !words) return null;
  const known = text(employment.type) ? "" : " (not a type Roster knows)";
  return `${words}${known}${text(employment.source) ? ` · from the ${employment.source}` : ""}`;
}

/** One line per person: name, email, and their latest scorecard's rating (or that they sent none). */
function interviewersValue(value: unknown): ReactNode {
  if (!Array.isArray(value)) return null;
  if (value.length === 0) return "none";
  return (
    <ul className="plain-list" aria-label="Interviewers sent">
      {value.map((raw, index) => {
        const person = raw as { name?: unknown; email?: unknown; score?: unknown; score_label?: unknown };
        const rating = text(person.score_label) ?? (typeof person.score === "number" ? String(person.score) : "no scorecard");
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is fixed once sent; names may repeat across people.
          <li key={index}>
            {text(person.name) ?? "—"}
            {text(person.email) ? <span className="muted"> ({String(person.email)})</span> : null} — {rating}
          </li>
        );
      })}
    </ul>
  );
}

/** What was sent to Zenefits, field by field (the export's own summary: no file bytes). */
export function SentFields({ sent }: { sent: Sent }) {
  if (!sent) return <p className="muted small">Nothing was sent: the export stopped before building the new hire.</p>;
  const s = sent as Record<string, unknown>;
  const resume = s.resume as { file_name?: unknown } | null | undefined;
  const date = (v: unknown) => (text(v) ? formatIsoDate(String(v)) : null);
  const rows: [string, ReactNode][] = (
    [
      ["Name", [text(s.first_name), text(s.last_name)].filter(Boolean).join(" ") || null],
      ["Email", text(s.email)],
      ["Phone", text(s.phone)],
      ["Job title", text(s.job_title)],
      ["Department", text(s.department)],
      ["Work location", text(s.work_location)],
      ["Reports to", text(s.manager)],
      ["Start date", date(s.start_date)],
      ["Offer date", date(s.offer_date)],
      ["Salary", salaryValue(s.salary)],
      ["Employment type", employmentValue(s.employment_type)],
      ["Stage", text(s.stage)],
      ["Interviewers", interviewersValue(s.interviewers)],
      ["Resume", resume && text(resume.file_name) ? String(resume.file_name) : "none"],
    ] as [string, ReactNode][]
  ).filter(([, value]) => value !== null && value !== "");
  return (
    <dl className="sent-fields" aria-label="What was sent">
      {rows.map(([label, value]) => (
        <div key={label} style={{ display: "contents" }}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
