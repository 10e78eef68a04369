import type { ReactNode } from "react";
import { Link } from "wouter";
import { Card } from "../../components/card";
import { EmptyState } from "../../components/states";
import { formatDateTime, formatIsoDate, humanize } from "../../format";
import { paths } from "../../paths";
import type { RouterOutputs } from "../../trpc";
import { currentEmploymentType, employmentTypeLabel } from "./employment-type";

export type Person = RouterOutputs["directory"]["person"];

const none = <span className="muted">—</span>;

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="field-row">
      <dt>{label}</dt>
      <dd>{children ?? none}</dd>
    </div>
  );
}

/** Manager chain as breadcrumbs, from the top of the organisation down to this person. */
export function ManagerChain({ person }: { person: Person }) {
  const chain = [...person.managerChain].reverse();
  if (chain.length === 0) return <p className="muted small breadcrumbs-empty">No manager: top of the organisation</p>;
  return (
    <nav aria-label="Manager chain" className="breadcrumbs">
      <ol>
        {chain.map((manager) => (
          <li key={manager.id}>
            <Link href={paths.person(manager.id)}>{manager.displayName}</Link>
          </li>
        ))}
        <li aria-current="page">{person.displayName}</li>
      </ol>
    </nav>
  );
}

/** Every unified field, as synced. */
export function PersonDetails({ person }: { person: Person }) {
  const sensitive = (value: string | null) => (person.sensitiveHidden ? <span className="muted">Hidden</span> : value);
  return (
    <Card title="Details">
      <dl className="field-list">
        <Field label="First name">{person.firstName}</Field>
        <Field label="Last name">{person.lastName}</Field>
        <Field label="Preferred name">{person.preferredName}</Field>
        <Field label="Job title">{person.jobTitle}</Field>
        <Field label="Work email">
          {person.workEmail ? <a href={`mailto:${person.workEmail}`}>{person.workEmail}</a> : null}
        </Field>
        <Field label="Work phone">
          {person.workPhone ? `${person.workPhone}${person.workPhoneE164 ? ` (${person.workPhoneE164})` : ""}` : null}
        </Field>
        <Field label="Personal email">{sensitive(person.personalEmail)}</Field>
        <Field label="Personal phone">{sensitive(person.personalPhone)}</Field>
        <Field label="Department">
          {person.department ? (
            <Link href={`${paths.directory}?department=${person.department.id}`}>{person.department.name}</Link>
          ) : null}
        </Field>
        <Field label="Location">
          {person.location ? (
            <Link href={`${paths.directory}?location=${person.location.id}`}>
              {person.location.name}
              {person.location.city ? `, ${person.location.city}` : ""}
            </Link>
          ) : null}
        </Field>
        <Field label="Status">
          {person.status ? humanize(person.status) : "Unknown (the HR system does not share it with Roster)"}
          {person.remoteStatus && person.remoteStatus !== person.status ? (
            <span className="muted"> (in Zenefits: {person.remoteStatus})</span>
          ) : null}
        </Field>
        <Field label="Employment type">
          {currentEmploymentType(person.employments) ?? employmentTypeLabel(person.employmentType)}
        </Field>
        <Field label="Hire date">{person.hireDate ? formatIsoDate(person.hireDate) : null}</Field>
        <Field label="Start date">{person.startDate ? formatIsoDate(person.startDate) : null}</Field>
        <Field label="Termination date">{person.terminationDate ? formatIsoDate(person.terminationDate) : null}</Field>
        {person.deletedAt ? <Field label="Deleted in the HR system">{formatDateTime(person.deletedAt)}</Field> : null}
        <Field label="Last updated">{formatDateTime(person.updatedAt)}</Field>
        <Field label="Zenefits id">
          <code>{person.remoteId}</code>
        </Field>
      </dl>
    </Card>
  );
}

export function DirectReports({ person }: { person: Person }) {
  return (
    <Card title={`Direct reports (${person.directReports.length})`}>
      {person.directReports.length === 0 ? (
        <p className="muted">No one reports to {person.displayName}.</p>
      ) : (
        <ul className="plain-list" aria-label="Direct reports">
          {person.directReports.map((report) => (
            <li key={report.id} className="list-row">
              <Link href={paths.person(report.id)}>{report.displayName}</Link>
              <span className="muted small">{report.jobTitle ?? ""}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function customValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

export function CustomFields({ person }: { person: Person }) {
  return (
    <Card title="Custom fields">
      {person.sensitiveHidden ? (
        <p className="muted">Custom fields may hold sensitive data: ask an owner for access to sensitive data to see them.</p>
      ) : person.customFields.length === 0 ? (
        <p className="muted">No custom fields for this person.</p>
      ) : (
        <dl className="field-list">
          {person.customFields.map((field) => (
            <Field key={field.name} label={field.name}>
              {customValue(field.value)}
            </Field>
          ))}
        </dl>
      )}
    </Card>
  );
}

export function Employments({ person }: { person: Person }) {
  return (
    <Card title="Employments">
      {person.employments.length === 0 ? (
        <EmptyState title="No employment records" />
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label="Employments">
            <thead>
              <tr>
                <th scope="col">Start</th>
                <th scope="col">End</th>
                <th scope="col">Type</th>
                <th scope="col">Current</th>
              </tr>
            </thead>
            <tbody>
              {person.employments.map((employment) => (
                <tr key={`${employment.startDate}-${employment.terminationDate}-${employment.employmentType}`}>
                  <td>{employment.startDate ? formatIsoDate(employment.startDate) : none}</td>
                  <td>{employment.terminationDate ? formatIsoDate(employment.terminationDate) : none}</td>
                  <td>{employmentTypeLabel(employment.employmentType) ?? none}</td>
                  <td>{employment.isActive === null ? none : employment.isActive ? "Yes" : "No"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

export function RecentChanges({ person }: { person: Person }) {
  return (
    <Card title="Recent changes">
      {person.history.length === 0 ? (
        <p className="muted">No changes recorded yet.</p>
      ) : (
        <ul className="plain-list" aria-label="Recent changes">
          {person.history.map((change) => (
            <li key={`${String(change.at)}-${change.change}-${change.fields?.join()}`} className="list-row">
              <span>
                {humanize(change.change)}
                {change.fields?.length ? <span className="muted">: {change.fields.join(", ")}</span> : null}
              </span>
              <span className="muted small nowrap">{formatDateTime(change.at)}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
