import { keepPreviousData } from "@tanstack/react-query";
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
import { SortHeader, type SortState } from "./sort-header";
import type { SortDirection, SortKey } from "./use-people-filters";

const PAGE_SIZE = 50;

interface PeopleResultsProps {
  query: Omit<RouterInputs["directory"]["people"], "cursor" | "limit">;
  filtered: boolean;
  /** The cursors of the pages before this one (from the URL): its length is the page number minus one. */
  cursors: string[];
  onCursors: (cursors: string[]) => void;
  sort: SortState;
  /** A new sort starts again at page one, as new filters do. */
  onSort: (key: SortKey, direction: SortDirection) => void;
  onClearFilters: () => void;
}

/**
 * One page of people, server-side. Next follows the API's keyset cursor; the cursors of the
 * pages before are kept (in the URL) for Previous. New filters remount this (a `key`), which
 * starts again at page one.
 */
export function PeopleResults({ query, filtered, cursors, onCursors, sort, onSort, onClearFilters }: PeopleResultsProps) {
  const cursor = cursors.at(-1);
  const people = trpc.directory.people.useQuery(
    { ...query, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) },
    { placeholderData: keepPreviousData },
  );
  // The API counts on the first page only: a later page (say, opened from a link) reads the
  // first page too for the total, from the cache when it was just shown.
  const firstPage = trpc.directory.people.useQuery({ ...query, limit: PAGE_SIZE }, { enabled: cursor !== undefined });

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

  const counted = page.total !== null ? page : firstPage.data;
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
          <span className="muted small" data-testid="people-range">
            Page {formatCount(cursors.length + 1)} · {formatCount(first)}–{formatCount(first + page.people.length - 1)}
            {counted?.total != null ? ` of ${formatCount(counted.total)}${counted.totalIsCapped ? "+" : ""}` : ""}
          </span>
          <div className="button-row">
            <button
              type="button"
              className="button button-secondary"
              disabled={cursors.length === 0 || people.isFetching}
              onClick={() => onCursors(cursors.slice(0, -1))}
            >
              Previous
            </button>
            <button
              type="button"
              className="button button-secondary"
              disabled={!page.nextCursor || people.isFetching}
              onClick={() => page.nextCursor && onCursors([...cursors, page.nextCursor])}
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
              <SortHeader label="Name" column="name" sort={sort} onSort={onSort} />
              <SortHeader label="Job title" column="jobTitle" sort={sort} onSort={onSort} />
              <SortHeader label="Department" column="department" sort={sort} onSort={onSort} />
              <SortHeader label="Location" column="location" sort={sort} onSort={onSort} />
              <SortHeader label="Status" column="status" sort={sort} onSort={onSort} />
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
