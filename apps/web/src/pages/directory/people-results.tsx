import { keepPreviousData } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "wouter";
import { canSee } from "../../access";
import { Card } from "../../components/card";
import { EmptyState, ErrorState, Loading } from "../../components/states";
import { apiProblem } from "../../errors";
import { formatCount, plural } from "../../format";
import { paths } from "../../paths";
import { useSession } from "../../session/session";
import { type RouterInputs, trpc } from "../../trpc";
import { PersonStatusBadge } from "./person-status-badge";

const PAGE_SIZE = 50;

interface PeopleResultsProps {
  query: Omit<RouterInputs["directory"]["people"], "cursor" | "limit">;
  filtered: boolean;
  onClearFilters: () => void;
}

/**
 * One page of people, server-side. Next follows the API's keyset cursor; the cursors of the
 * pages before are kept on a stack for Previous. New filters remount this (a `key`), which
 * starts again at page one.
 */
export function PeopleResults({ query, filtered, onClearFilters }: PeopleResultsProps) {
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);
  const utils = trpc.useUtils();
  const people = trpc.directory.people.useQuery(
    { ...query, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) },
    { placeholderData: keepPreviousData },
  );

  if (people.isPending) return <Loading label="Loading people…" />;
  if (people.isError) return <ErrorState problem={apiProblem(people.error)} onRetry={() => void people.refetch()} />;
  const page = people.data;
  if (page.people.length === 0 && cursors.length === 0) {
    return filtered ? (
      <Card>
        <EmptyState
          title="No one matches"
          action={
            <button type="button" className="button button-secondary" onClick={onClearFilters}>
              Clear search and filters
            </button>
          }
        />
      </Card>
    ) : (
      <NoPeopleYet />
    );
  }

  // The API counts on the first page only; later pages show that page's count from the cache
  // (gone only if the first page was evicted meanwhile, and then the range alone is shown).
  const counted = page.total !== null ? page : utils.directory.people.getData({ ...query, limit: PAGE_SIZE });
  const total =
    counted?.total == null
      ? null
      : counted.totalIsCapped
        ? `${formatCount(counted.total)}+ people`
        : plural(counted.total, "person", "people");
  const first = cursors.length * PAGE_SIZE + 1;
  return (
    <Card
      footer={
        <div className="pager">
          <span className="muted small">
            {formatCount(first)}–{formatCount(first + page.people.length - 1)}
          </span>
          <div className="button-row">
            <button
              type="button"
              className="button button-secondary"
              disabled={cursors.length === 0 || people.isFetching}
              onClick={() => setCursors((stack) => stack.slice(0, -1))}
            >
              Previous
            </button>
            <button
              type="button"
              className="button button-secondary"
              disabled={!page.nextCursor || people.isFetching}
              onClick={() => page.nextCursor && setCursors((stack) => [...stack, page.nextCursor!])}
            >
              Next
            </button>
          </div>
        </div>
      }
    >
      <p className="result-count" role="status" data-testid="people-total">
        {total}
        {people.isFetching ? <span className="muted small"> · updating…</span> : null}
      </p>
      <div className="table-wrap">
        <table className="table" aria-label="People" aria-busy={people.isFetching}>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Job title</th>
              <th scope="col">Department</th>
              <th scope="col">Location</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {page.people.map((person) => (
              <tr key={person.id}>
                <td>
                  <Link href={paths.person(person.id)}>{person.displayName}</Link>
                  {person.workEmail ? <div className="muted small">{person.workEmail}</div> : null}
                </td>
                <td>{person.jobTitle ?? <span className="muted">—</span>}</td>
                <td>{person.departmentName ?? <span className="muted">—</span>}</td>
                <td>{person.locationName ?? <span className="muted">—</span>}</td>
                <td>
                  <PersonStatusBadge status={person.status} deleted={person.deleted} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

function NoPeopleYet() {
  const { active } = useSession();
  return (
    <Card>
      <EmptyState
        title="No one here yet"
        action={
          canSee("hrisSettings", active) ? (
            <Link href={paths.integrations} className="button button-primary">
              Connect an HR system
            </Link>
          ) : null
        }
      >
        <p>The directory fills in after an HR system is connected and its first sync finishes.</p>
      </EmptyState>
    </Card>
  );
}
