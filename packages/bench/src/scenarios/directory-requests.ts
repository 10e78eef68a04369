import http from "node:http";
import type { LatencyRecorder } from "../harness/latency";

/**
 * What one person does in the directory, as the dashboard asks it of the API: tRPC queries
 * over HTTP GET (`/trpc/<path>?input=<json>`, no transformer, no batching), the session in
 * a cookie.
 */
export class TrpcHttpClient {
  private cookie = "";
  /**
   * One kept-alive connection per client, as a browser tab keeps one. Queries go through
   * node:http rather than fetch: undici's fetch cost the load process about twice the CPU per
   * request (Request, AbortSignal and web-stream objects), CPU the measured API and database
   * share on this 2-core machine.
   */
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

  constructor(private readonly baseUrl: string) {}

  /** auth.signIn over HTTP, keeping the session cookie it sets, as a browser would. */
  async signIn(email: string, password: string): Promise<void> {
    const response = await fetch(`${this.baseUrl}/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`auth.signIn answered ${response.status}: ${text.slice(0, 200)}`);
    this.cookie = response.headers
      .getSetCookie()
      .map((header) => header.split(";")[0])
      .join("; ");
    if (!this.cookie) throw new Error("auth.signIn set no session cookie");
  }

  /** One query, timed from sending the request to the last byte of the answer; non-2xx throws. */
  async query<T>(path: string, input?: unknown): Promise<{ ms: number; data: T }> {
    const search = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    const started = performance.now();
    const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = http.get(
        `${this.baseUrl}/trpc/${path}${search}`,
        { agent: this.agent, headers: { cookie: this.cookie } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
          response.on("error", reject);
        },
      );
      request.on("error", reject);
    });
    const ms = performance.now() - started;
    if (status < 200 || status >= 300) throw new Error(`${path} answered ${status}: ${text.slice(0, 200)}`);
    return { ms, data: (JSON.parse(text) as { result: { data: T } }).result.data };
  }

  /** Closes the kept-alive connection. */
  close(): void {
    this.agent.destroy();
  }
}

/** The filters a directory user picks from: real names, departments and locations of the tenant. */
export interface DirectoryMix {
  searchTerms: string[];
  departmentIds: string[];
  locationIds: string[];
}

interface PeoplePage {
  people: { id: string }[];
  nextCursor: string | null;
}

export type Rng = () => number;

/** mulberry32: a small seeded PRNG, so every run asks the same sequence of questions. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: Rng, items: readonly T[]): T | undefined => items[Math.floor(rng() * items.length)];

/** Runs one request; a failure is recorded as an error of its kind (never dropped) and yields undefined. */
async function timed<T>(recorder: LatencyRecorder, kind: string, request: () => Promise<{ ms: number; data: T }>) {
  try {
    const { ms, data } = await request();
    recorder.record(kind, ms);
    return data;
  } catch (error) {
    recorder.fail(kind, error instanceof Error ? error.message : String(error));
    return undefined;
  }
}

/**
 * One visit to the people list: a search (40%), a department filter on active people (25%),
 * a location filter (10%) or plain browsing (25%); then, half the time each, one or two more
 * pages through the keyset cursor; then the person page of someone on the last page read.
 * Recorded kinds: `list:<how>`, `list:next page`, `person`.
 */
export async function directoryVisit(client: TrpcHttpClient, rng: Rng, mix: DirectoryMix, recorder: LatencyRecorder) {
  const r = rng();
  const [how, filter]: [string, Record<string, string>] =
    r < 0.4
      ? ["search", { search: pick(rng, mix.searchTerms) ?? "a" }]
      : r < 0.65
        ? ["department", { departmentId: pick(rng, mix.departmentIds) ?? "", status: "active" }]
        : r < 0.75
          ? ["location", { locationId: pick(rng, mix.locationIds) ?? "" }]
          : ["browse", {}];
  let page = await timed(recorder, `list:${how}`, () => client.query<PeoplePage>("directory.people", { ...filter, limit: 50 }));
  for (let i = 0; i < 2 && page?.nextCursor && rng() < 0.5; i++) {
    const cursor = page.nextCursor;
    page = await timed(recorder, "list:next page", () =>
      client.query<PeoplePage>("directory.people", { ...filter, limit: 50, cursor }),
    );
  }
  const person = page ? pick(rng, page.people) : undefined;
  if (person) await timed(recorder, "person", () => client.query("directory.person", { id: person.id }));
}

/** The baseline: the cheapest signed-in procedure (auth.me: session, user, memberships), same HTTP and tRPC path. */
export async function trivialVisit(client: TrpcHttpClient, recorder: LatencyRecorder) {
  await timed(recorder, "auth.me", () => client.query("auth.me"));
}
