import { Link } from "wouter";
import { formatDateTime } from "../../format";
import type { ConnectionView } from "./use-live-connection";

/**
 * What the connection no longer keeps current, and since when: the token lost the permission
 * that feeds it (Roster kept what it had stored). Never-granted permissions are listed on the
 * settings checklist instead. Links to the form that fixes it.
 */
export function StaleFieldsNotice({ view, settingsHref }: { view: ConnectionView; settingsHref: string | null }) {
  const lost = view.staleFields.filter((f) => f.lost);
  if (lost.length === 0) return null;
  return (
    <div className="notice notice-warning" role="status" data-testid="stale-fields">
      <p className="notice-title">Partial: some data is no longer kept current</p>
      <p>The token lost permissions it had. Roster kept what it had stored for these, but stopped updating them:</p>
      <ul className="stale-list">
        {lost.map((field) => (
          <li key={`${field.stream}.${field.field}`}>
            <strong>{field.label}</strong> — since {formatDateTime(field.since)}; needs the “{field.permissionLabel}” permission
          </li>
        ))}
      </ul>
      <p>
        <strong>What to do:</strong> grant those permissions to the token at {view.connectorName} (or create a new token with
        them) and paste it under “Rotate token”.
        {settingsHref ? (
          <>
            {" "}
            <Link href={`${settingsHref}#rotate`}>Rotate the token</Link>
          </>
        ) : null}
      </p>
    </div>
  );
}
