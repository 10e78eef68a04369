/**
 * A client reading one public API path over and over from several loops at once, spread over
 * the API processes `targets()` names at each moment. It retries what a client of Roster is told
 * to retry, and nothing else:
 *   - no answer at all (connection refused, reset or closed before the response): the next
 *     process, after a short pause;
 *   - 503 or 429 with Retry-After: after the time it names.
 * Anything else that is not a 200 with the expected body, and a read still failing after
 * MAX_ATTEMPTS, is a failed read.
 */
const MAX_ATTEMPTS = 5;
/** A hung request fails the read: a draining process must answer or close, not leave it open. */
const REQUEST_TIMEOUT_MS = 10_000;

export interface ReadLoadReport {
  reads: number;
  /** Reads answered by each target URL. */
  readsByTarget: Record<string, number>;
  failed: string[];
  retriedAfterNoAnswer: number;
  retriedWhenTold: number;
  /** Reads answered with `Connection: close`: in flight on a process while it drained. */
  answeredWhileDraining: number;
}

export interface ReadLoad {
  stop(): Promise<ReadLoadReport>;
}

export function startReadLoad(input: {
  targets: () => string[];
  path: string;
  apiKey: string;
  loops: number;
  /** Whether a 200's JSON body is the right answer. */
  isExpected: (body: unknown) => boolean;
}): ReadLoad {
  const report: ReadLoadReport = {
    reads: 0,
    readsByTarget: {},
    failed: [],
    retriedAfterNoAnswer: 0,
    retriedWhenTold: 0,
    answeredWhileDraining: 0,
  };
  let stopped = false;
  let turn = 0;
  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

  async function readOnce(): Promise<void> {
    const first = turn++;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const targets = input.targets();
      const target = targets[(first + attempt) % targets.length] ?? "";
      let response: Response;
      try {
        response = await fetch(`${target}${input.path}`, {
          headers: { authorization: `Bearer ${input.apiKey}` },
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
      } catch (error) {
        if ((error as Error).name === "TimeoutError") {
          report.failed.push(`${target}: no answer within ${REQUEST_TIMEOUT_MS} ms`);
          return;
        }
        report.retriedAfterNoAnswer++;
        await pause(50);
        continue;
      }
      const retryAfter = response.headers.get("retry-after");
      if ((response.status === 503 || response.status === 429) && retryAfter !== null) {
        await response.arrayBuffer();
        report.retriedWhenTold++;
        await pause(Math.min(Number(retryAfter) * 1000, 2_000));
        continue;
      }
      const text = await response.text().catch((error: Error) => `(body cut off: ${error.message})`);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
      if (response.status !== 200 || !input.isExpected(body)) {
        report.failed.push(`${target}: ${response.status} ${text.slice(0, 200)}`);
        return;
      }
      report.reads++;
      report.readsByTarget[target] = (report.readsByTarget[target] ?? 0) + 1;
      if (response.headers.get("connection") === "close") report.answeredWhileDraining++;
      return;
    }
    report.failed.push(`still no answer after ${MAX_ATTEMPTS} attempts`);
  }

  const loops = Array.from({ length: input.loops }, async () => {
    while (!stopped) await readOnce();
  });
  return {
    async stop() {
      stopped = true;
      await Promise.all(loops);
      return report;
    },
  };
}
