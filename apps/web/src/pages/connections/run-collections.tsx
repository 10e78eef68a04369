import { Card } from "../../components/card";
import { StatusBadge } from "../../components/status-badge";
import { formatCount } from "../../format";
import type { RouterOutputs } from "../../trpc";

type Collection = RouterOutputs["connections"]["run"]["collections"][number];

const columns = ["read", "created", "updated", "deleted", "skipped"] as const;
const columnWords: Record<(typeof columns)[number], string> = {
  read: "Read",
  created: "Created",
  updated: "Updated",
  deleted: "Deleted",
  skipped: "Skipped",
};

/** Per collection: how many records the run read, created, updated, deleted and skipped. */
export function RunCollections({ collections }: { collections: Collection[] }) {
  return (
    <Card title="What this run did">
      <div className="table-wrap">
        <table className="table" aria-label="Collections">
          <thead>
            <tr>
              <th scope="col">Collection</th>
              {columns.map((c) => (
                <th key={c} scope="col" className="numeric">
                  {columnWords[c]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {collections.map((collection) => (
              <tr key={collection.stream}>
                <th scope="row">
                  {collection.label}{" "}
                  {collection.skippedWhole ? <StatusBadge tone="warning">Skipped: no permission</StatusBadge> : null}
                </th>
                {columns.map((c) => (
                  <td key={c} className="numeric">
                    {formatCount(collection[c])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
