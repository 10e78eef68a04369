import type { ConnectionView } from "../../connections/use-live-connection";

/** All of the connector's permissions: ✓ granted, ✗ missing, with the labels the provider uses. */
export function PermissionsChecklist({ permissions }: { permissions: ConnectionView["permissions"] }) {
  const missing = permissions.filter((p) => !p.granted).length;
  return (
    <div className="stack">
      <p className="muted">
        {missing === 0
          ? `The token grants all ${permissions.length} permissions Roster reads.`
          : `${permissions.length - missing} of ${permissions.length} granted. Roster skips what the token cannot read; edit the token in Zenefits to grant the rest, then paste it under "Rotate token".`}
      </p>
      <ul className="checklist" aria-label="Permissions">
        {permissions.map((permission) => (
          <li key={permission.id} className={permission.granted ? "check check-granted" : "check check-missing"}>
            <span className="check-mark" aria-hidden="true">
              {permission.granted ? "✓" : "✗"}
            </span>
            <span>{permission.label}</span>
            <span className="visually-hidden">{permission.granted ? "granted" : "missing"}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
