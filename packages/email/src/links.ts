/** Dashboard links used in emails; PUBLIC_URL may or may not end with a slash. */
export function dashboardUrl(publicUrl: string, ...segments: string[]): string {
  const base = publicUrl.replace(/\/+$/, "");
  return [base, ...segments.map(encodeURIComponent)].join("/");
}

/** `${PUBLIC_URL}/connections/<id>/runs/<runId>`: where a run's errors are listed. */
export function syncRunUrl(publicUrl: string, connectionId: string, runId: string): string {
  return dashboardUrl(publicUrl, "connections", connectionId, "runs", runId);
}

export function connectionUrl(publicUrl: string, connectionId: string): string {
  return dashboardUrl(publicUrl, "connections", connectionId);
}

/**
 * `${PUBLIC_URL}/settings/integrations/<connectorId>`, with `#rotate` to land on the form that
 * replaces the token: where a rejected token or a disabled connection is fixed.
 */
export function integrationSettingsUrl(publicUrl: string, connectorId: string, form?: "rotate"): string {
  return `${dashboardUrl(publicUrl, "settings", "integrations", connectorId)}${form ? `#${form}` : ""}`;
}
