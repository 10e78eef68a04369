import type { ConnectorNames } from "../names";

/** The in-folder stand-in for the provider, modelled on the testkit's Acme server. */
export function simulatorTs(n: ConnectorNames): string {
  return `import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A stand-in for ${n.title} on localhost, just enough for the contract suite: bearer tokens
 * with scopes, cursor pages, faults and mutations. It imports nothing from Roster, so the
 * suite checks the connector against something outside it. TODO: grow it into (or replace
 * it with) a packages/sim-${n.id} that follows the provider's real API.
 */
export interface SimPerson {
  id: string;
  name: string;
  email: string | null;
  department_id: string | null;
  manager_id: string | null;
  status: "active" | "on_leave" | "gone";
}

export interface SimFaults {
  /** Share of requests answered 500, 0..1. */
  errorRate?: number;
  /** The next N requests answer 429 with Retry-After: 0. */
  rateLimitedRequests?: number;
  /** Every list page's JSON cut in half. */
  truncatePages?: boolean;
  latencyMs?: number;
}

export const SIM_SCOPES = ["people", "departments", "people.manager"] as const;

export interface Simulator {
  url: string;
  people: SimPerson[];
  departments: { id: string; name: string }[];
  faults: SimFaults;
  createToken(scopes?: readonly string[]): string;
  revoke(token: string): void;
  requestCount(): number;
  mutate(change: { update: number; add: number; remove: number }): { updated: string[]; added: string[]; removed: string[] };
  close(): Promise<void>;
}

function seedPeople(count: number): SimPerson[] {
  return Array.from({ length: count }, (_, i) => ({
    id: String(1000 + i),
    name: i % 7 === 3 ? \`Zoë O'Brien \${i}\` : \`Person \${i}\`,
    email: i % 11 === 5 ? null : \`person.\${i}@example.com\`,
    department_id: i % 9 === 0 ? null : String(10 + (i % 4)),
    // Managers point forward as well as back, so linking must wait for later pages.
    manager_id: i === 0 ? null : String(1000 + ((i * 7) % count === i ? 0 : (i * 7) % count)),
    status: i % 13 === 0 ? "gone" : i % 17 === 0 ? "on_leave" : "active",
  }));
}

const company = { id: "${n.id}-1", name: "${n.title} Demo Co" };

export async function startSimulator(options: { people?: number; pageSize?: number } = {}): Promise<Simulator> {
  const people = seedPeople(options.people ?? 120);
  const departments = [10, 11, 12, 13].map((id) => ({ id: String(id), name: \`Department \${id}\` }));
  const pageSize = options.pageSize ?? 20;
  const tokens = new Map<string, string[]>();
  const faults: SimFaults = {};
  let requests = 0;
  let nextId = 1000 + people.length;
  let random = 42;
  const rand = () => {
    random = (random * 1103515245 + 12345) % 2 ** 31;
    return random / 2 ** 31;
  };

  const send = (res: http.ServerResponse, status: number, body: unknown, truncate = false) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json" });
    res.end(truncate ? text.slice(0, Math.floor(text.length / 2)) : text);
  };

  const server = http.createServer(async (req, res) => {
    requests++;
    if (faults.latencyMs) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
    const url = new URL(req.url ?? "/", "http://sim");
    const scopes = tokens.get((req.headers.authorization ?? "").replace(/^Bearer /, ""));
    if (!scopes) return send(res, 401, { error: "invalid token" });
    if (faults.rateLimitedRequests && faults.rateLimitedRequests > 0) {
      faults.rateLimitedRequests--;
      res.setHeader("retry-after", "0");
      return send(res, 429, { error: "slow down" });
    }
    if (faults.errorRate && rand() < faults.errorRate) return send(res, 500, { error: "boom" });
    if (url.pathname === "/api/whoami") return send(res, 200, { company, scopes });

    const collection = url.pathname === "/api/people" ? "people" : url.pathname === "/api/departments" ? "departments" : null;
    if (!collection) return send(res, 404, { error: "not found" });
    if (!scopes.includes(collection)) return send(res, 403, { error: \`missing scope \${collection}\` });
    const rows: { id: string }[] = collection === "people" ? people : departments;
    const after = url.searchParams.get("cursor");
    const start = after ? rows.findIndex((row) => Number(row.id) > Number(after)) : 0;
    const slice = start < 0 ? [] : rows.slice(start, start + pageSize);
    const more = start >= 0 && start + pageSize < rows.length;
    // Without the manager permission the field is there but empty, as many providers do it.
    const items =
      collection === "people" && !scopes.includes("people.manager") ? slice.map((p) => ({ ...p, manager_id: null })) : slice;
    send(res, 200, { items, next: more ? (slice.at(-1)?.id ?? null) : null }, faults.truncatePages === true);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: \`http://127.0.0.1:\${port}\`,
    people,
    departments,
    faults,
    requestCount: () => requests,
    createToken(scopes = SIM_SCOPES) {
      const token = \`sim_\${Math.random().toString(36).slice(2)}\${Math.random().toString(36).slice(2)}\`;
      tokens.set(token, [...scopes]);
      return token;
    },
    revoke: (token) => void tokens.delete(token),
    mutate({ update, add, remove }) {
      const updated = people.slice(1, 1 + update).map((p) => {
        p.name = \`\${p.name} (renamed)\`;
        return p.id;
      });
      const removed = people.splice(people.length - remove, remove).map((p) => p.id);
      const added = Array.from({ length: add }, () => {
        const id = String(nextId++);
        people.push({ id, name: \`New person \${id}\`, email: null, department_id: "10", manager_id: "1000", status: "active" });
        return id;
      });
      return { updated, added, removed };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
`;
}
