import type { ChildReport } from "./rss-child";

/** What a measured child sends back over IPC. */
export type ChildMessage<T> = { ok: true; report: ChildReport<T> } | { ok: false; error: string };

/** The environment variable a measured child's input travels in. */
export const INPUT_ENV = "ROSTER_BENCH_CHILD_INPUT";

/** The child side: runs `fn` on the input, sends the result and its peak RSS, exits. */
export function childMain<I, O>(fn: (input: I) => Promise<O>): void {
  const send = (message: ChildMessage<O>) =>
    new Promise<void>((resolve) => {
      if (!process.send) {
        console.log(JSON.stringify(message));
        return resolve();
      }
      process.send(message, () => resolve());
    });
  const raw = process.env[INPUT_ENV];
  const run = async () => {
    if (!raw) throw new Error(`${INPUT_ENV} is not set: this file is started by the bench`);
    const result = await fn(JSON.parse(raw) as I);
    await send({ ok: true, report: { result, maxRssKb: process.resourceUsage().maxRSS } });
  };
  run().then(
    () => process.exit(0),
    async (error: unknown) => {
      await send({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      process.exit(1);
    },
  );
}
