import { Link } from "wouter";
import { Card } from "../../components/card";
import { EmptyState } from "../../components/states";
import { StatusBadge, type Tone } from "../../components/status-badge";
import { formatCount } from "../../format";
import { paths } from "../../paths";
import type { RouterOutputs } from "../../trpc";

type Changed = RouterOutputs["connections"]["run"]["peopleChanged"];

const changeWords: Record<string, { tone: Tone; words: string }> = {
  created: { tone: "success", words: "Added" },
  updated: { tone: "info", words: "Changed" },
  deleted: { tone: "neutral", words: "Removed" },
  restored: { tone: "success", words: "Back" },
};

/** Who this run added, changed or removed, and which of their fields changed, in people's words. */
export function PeopleChanged({ changed }: { changed: Changed }) {
  return (
    <Card title="People changed">
      {changed.total === 0 ? (
        <EmptyState title="Nobody changed in this run">
          <p>A first sync loads everyone at once; later runs list each person they add, change or remove.</p>
        </EmptyState>
      ) : (
        <>
          <ul className="people-changed" aria-label="People changed">
            {changed.people.map((person) => {
              const change = changeWords[person.change] ?? { tone: "neutral" as Tone, words: person.change };
              return (
                <li key={person.id}>
                  <StatusBadge tone={change.tone}>{change.words}</StatusBadge>{" "}
                  {person.personId ? <Link href={paths.person(person.personId)}>{person.name}</Link> : person.name}
                  {person.fields.length > 0 ? <span className="muted"> — {person.fields.join(", ")}</span> : null}
                </li>
              );
            })}
          </ul>
          {changed.total > changed.people.length ? (
            <p className="muted small">
              And {formatCount(changed.total - changed.people.length)} more; the first {formatCount(changed.people.length)} are
              listed.
            </p>
          ) : null}
        </>
      )}
    </Card>
  );
}
