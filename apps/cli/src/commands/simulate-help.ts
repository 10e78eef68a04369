import { LEVER_ADMIN_ROUTES } from "@roster/sim-lever/admin-index";
import { ZENEFITS_ADMIN_ROUTES } from "@roster/sim-zenefits/admin-index";

function table(rows: readonly [string, string][]): string {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`).join("\n");
}

/**
 * What `roster simulate --help` prints after the options (which include the fault flags):
 * each simulator's admin endpoints, and how to point another tool at a simulator.
 */
export function simulateHelp(): string {
  const admin = (routes: readonly { route: string; purpose: string }[]) =>
    table(routes.map(({ route, purpose }): [string, string] => [route, purpose]));
  return `
The fault flags (--error-rate … --retry-after) set faults at start; PUT /__admin/faults changes them
while running. --hidden-fields and --singular-person-path choose readings of what the Zenefits API
reference leaves open; PUT /__admin/quirks changes them while running.

Admin endpoints, zenefits (no auth, on the same port):
${admin(ZENEFITS_ADMIN_ROUTES)}

Admin endpoints, lever (no auth, on the same port):
${admin(LEVER_ADMIN_ROUTES)}

Pointing another tool at a simulator:
  zenefits  base URL http://<host>:<port> in place of https://api.zenefits.com,
            header Authorization: Bearer <printed token>
  lever     base URL http://<host>:<port>/v1 in place of https://api.lever.co/v1,
            HTTP Basic with the printed API key as user name and an empty password
  --json prints those facts as one JSON line; --port fixes the port; --host 0.0.0.0 listens beyond this machine.`;
}
