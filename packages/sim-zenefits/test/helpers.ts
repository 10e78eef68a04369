import { afterAll, beforeAll } from "vitest";
import { startZenefitsSim, type ZenefitsSim, type ZenefitsSimOptions } from "../src/index";

/** Starts one simulator for the calling test file and closes it afterwards. */
export function useSim(options: ZenefitsSimOptions = {}): () => ZenefitsSim {
  let sim: ZenefitsSim | undefined;
  beforeAll(async () => {
    sim = await startZenefitsSim(options);
  });
  afterAll(async () => {
    await sim?.close();
  });
  return () => {
    if (!sim) throw new Error("simulator not started");
    return sim;
  };
}

export interface Envelope<T = unknown> {
  data: T;
  error: string | null;
  object: string;
  status: number;
}

export interface ListData<T = Record<string, unknown>> {
  data: T[];
  next_url: string | null;
  object: string;
  url: string;
}

export async function getJson<T = unknown>(
  url: string,
  token?: string,
): Promise<{ status: number; headers: Headers; body: Envelope<T> }> {
  const response = await fetch(url, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Envelope<T> };
}

/** Follows next_url from `url` to the end; returns every record and the number of pages. */
export async function fetchAll<T = Record<string, unknown>>(
  url: string,
  token: string,
): Promise<{ records: T[]; pages: number }> {
  const records: T[] = [];
  let next: string | null = url;
  let pages = 0;
  while (next !== null) {
    const { status, body }: { status: number; body: Envelope<ListData<T>> } = await getJson<ListData<T>>(next, token);
    if (status !== 200) throw new Error(`GET ${next} -> ${status}`);
    records.push(...body.data.data);
    next = body.data.next_url;
    pages++;
  }
  return { records, pages };
}

export function postJson(url: string, body: unknown, bearer?: string): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (bearer !== undefined) headers.authorization = `Bearer ${bearer}`;
  return fetch(url, { method: "POST", headers, body: JSON.stringify(body) });
}

/** Id comparison for numeric strings. */
export const numericAscending = (ids: string[]) => ids.every((id, i) => i === 0 || BigInt(id) > BigInt(ids[i - 1] as string));
