import type { RouterOutputs } from "../../trpc";

type Entry = RouterOutputs["audit"]["list"]["entries"][number];

const text = (value: unknown) => (typeof value === "string" ? value : "");

const connectorNames: Record<string, string> = { zenefits: "Zenefits", lever: "Lever", bamboohr: "BambooHR" };

const actorsByVia: Record<string, string> = { cli: "Command line", connect_link: "Connect link" };

/**
 * Who did it, for the Who column: the user, or for a row without one, the `roster` command
 * (the operator, rows with details.via "cli"), whoever held a connect link (via "connect_link")
 * or the system (the worker, a webhook).
 */
export function auditActorName(entry: Pick<Entry, "actorName" | "details">): { name: string; person: boolean } {
  if (entry.actorName) return { name: entry.actorName, person: true };
  const via = ((entry.details ?? {}) as Record<string, unknown>).via;
  return { name: actorsByVia[text(via)] ?? "System", person: false };
}

/** One sentence per audit row, in plain words; unknown actions fall back to their name. */
export function describeAuditEntry(entry: Entry): string {
  const d = (entry.details ?? {}) as Record<string, unknown>;
  const email = text(d.email);
  switch (entry.action) {
    case "organisation.created":
      return `created the organisation “${text(d.name)}”`;
    case "organisation.renamed":
      return `renamed the organisation from “${text(d.from)}” to “${text(d.to)}”`;
    case "member.role_changed":
      return `changed ${email}'s role from ${text(d.from)} to ${text(d.to)}`;
    case "member.sensitive_granted":
      return `gave ${email} access to sensitive data`;
    case "member.sensitive_revoked":
      return `took away ${email}'s access to sensitive data`;
    case "member.removed":
      return `removed ${email} (${text(d.role)}) from the organisation`;
    case "invite.created":
      return `invited ${email} as ${text(d.role)}`;
    case "invite.revoked":
      return `revoked the invitation for ${email}`;
    case "invite.accepted":
      return `accepted the invitation and joined as ${text(d.role)}`;
    case "connection.created":
      return `connected ${connectorNames[text(d.connector)] ?? text(d.connector)} (${text(d.account)})`;
    case "connection.lever_setup_saved":
      return `changed the Lever setup (${d.enabled ? "on" : "off"}, ${text(d.offersMode) === "zenefits" ? "Zenefits offers" : "Lever offers"}${
        Array.isArray(d.credentialsChanged) && d.credentialsChanged.length ? ", new credentials" : ""
      })`;
    case "connection.candidate_sent_to_zenefits":
      return `sent ${text(d.candidate)} to Zenefits`;
    case "connection.export_retried":
      return `retried the export of ${text(d.candidate) || "a hire"} to Zenefits`;
    case "connection.credentials_rotated":
      return "replaced the integration's access token";
    case "connection.notification_email_changed":
      return `set the integration's notification email to ${email || "none"}`;
    case "connection.disabled":
      return "disabled the integration";
    case "connection.enabled":
      return "re-enabled the integration";
    case "connection.sync_requested":
      return "started a sync";
    case "connection.issue_snoozed":
    case "webhook_endpoint.issue_snoozed":
      return typeof d.hours === "number" ? `snoozed an integration issue for ${d.hours} hours` : "snoozed an integration issue";
    case "directory.exported":
      return d.sensitive === true ? "exported the directory as CSV, with personal details" : "exported the directory as CSV";
    case "connection.deleted":
      return `deleted the integration “${text(d.name)}” and its synced directory`;
    case "connect_link.created": {
      const names = Array.isArray(d.connectors) ? d.connectors.map((c) => connectorNames[text(c)] ?? text(c)).join(" or ") : "";
      return d.sent_to ? `sent ${text(d.sent_to)} a link to connect ${names}` : `created a link to connect ${names}`;
    }
    case "connect_link.revoked":
      return d.sent_to ? `revoked the connect link sent to ${text(d.sent_to)}` : "revoked a connect link";
    case "api_key.created":
      return `created the API key “${text(d.name)}” (${text(d.prefix)}…)`;
    case "api_key.revoked":
      return `revoked the API key “${text(d.name)}”`;
    case "webhook_endpoint.created":
      return `added the webhook endpoint ${text(d.url)}`;
    case "webhook_endpoint.updated":
      return "changed a webhook endpoint";
    case "webhook_endpoint.deleted":
      return `deleted the webhook endpoint ${text(d.url)}`;
    case "webhook_delivery.resent":
      return `resent the webhook event ${text(d.event_id)}`;
    default:
      return `${entry.action.replace(/[._]/g, " ")}${entry.targetId ? ` (${entry.targetType} ${entry.targetId})` : ""}`;
  }
}
