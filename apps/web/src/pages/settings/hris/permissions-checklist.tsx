import { formatDateTime } from "../../../format";
import type { ConnectionView } from "../../connections/use-live-connection";

const marks = { granted: "✓", missing: "✗", unknown: "?" } as const;

/**
 * All of the connector's permissions with the labels the provider uses: ✓ granted, ✗ missing,
 * ? unknown (the token could not be verified since: no tick a dead token does not deserve).
 * A missing one says what Roster does not keep current without it.
 */
export function PermissionsChecklist({
  view,
}: {
  view: Pick<ConnectionView, "permissions" | "permissionsUnknownSince" | "permissionsUnknownReason">;
}) {
  const { permissions } = view;
  const missing = permissions.filter((p) => p.state === "missing").length;
  return (
    <div className="stack">
      {view.permissionsUnknownSince ? (
        <p className="notice notice-warning" role="status">
          Unknown since {formatDateTime(view.permissionsUnknownSince)}: Roster could not verify the token
          {view.permissionsUnknownReason ? ` (${view.permissionsUnknownReason})` : ""}. Paste a working token under "Rotate token"
          to check them again.
        </p>
      ) : (
        <p className="muted">
          {missing === 0
            ? `The token grants all ${permissions.length} permissions Roster reads.`
            : `${permissions.length - missing} of ${permissions.length} granted. What a missing permission feeds is not kept current; edit the token in the provider to grant it, then paste it under "Rotate token".`}
        </p>
      )}
      <ul className="checklist" aria-label="Permissions">
        {permissions.map((permission) => (
          <li key={permission.id} className={`check check-${permission.state}`}>
            <span className="check-mark" aria-hidden="true">
              {marks[permission.state]}
            </span>
            <span>
              {permission.label}
              {permission.state === "missing" && permission.feeds.length > 0 ? (
                <span className="muted small"> · not kept current: {permission.feeds.join(", ")}</span>
              ) : null}
            </span>
            <span className="visually-hidden">{permission.state}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
