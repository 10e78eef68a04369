import type { ModelName } from "@roster/core";
import { tableSpecs } from "./tables/index";

export interface ScheduledStream {
  name: string;
  model: ModelName;
  /** Waits for exactly these earlier entries (by name) instead of the rule below: a step on what they stored. */
  after?: readonly string[];
  /**
   * False for work that takes no slot: a step on stored rows, or a lookup stream (a page or two)
   * that must not hold a long chain back.
   */
  reads?: boolean;
}

/**
 * The streams a stream must wait for: earlier ones (in the connector's order) that write a
 * table its rows link to, so the links resolve as each row is written rather than in a
 * rewrite afterwards, and earlier ones of its own model, so one table has one writer.
 */
export function prerequisitesOf(streams: readonly ScheduledStream[], index: number): ScheduledStream[] {
  const own = streams[index];
  if (!own) return [];
  const after = own.after;
  if (after) return streams.slice(0, index).filter((earlier) => after.includes(earlier.name));
  const linked = new Set((tableSpecs[own.model].references ?? []).map((ref) => ref.targetTable));
  return streams.slice(0, index).filter((earlier) => earlier.model === own.model || linked.has(tableSpecs[earlier.model].table));
}

/**
 * Runs `work` for every stream, at most `concurrency` reading at a time, each after its
 * prerequisites finished. A stream gives its slot up when `work` calls `doneReading` (its last
 * page is in; what is left, the deletion check, holds no page and makes no request) or when it
 * ends. The first failure stops new streams from starting and is thrown once every started one
 * has settled: nothing is left writing behind a failed run.
 */
export async function runScheduled<S extends ScheduledStream>(
  streams: readonly S[],
  concurrency: number,
  work: (stream: S, doneReading: () => void) => Promise<unknown>,
  onFirstFailure: (error: unknown) => void,
): Promise<void> {
  const finished = new Map<string, Promise<void>>();
  const waiting: (() => void)[] = [];
  let running = 0;
  let failure: { error: unknown } | undefined;

  const slot = async () => {
    if (running >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
  };
  const release = () => {
    running--;
    waiting.shift()?.();
  };

  streams.forEach((stream, index) => {
    const before = prerequisitesOf(streams, index).map((p) => finished.get(p.name));
    const run = (async () => {
      await Promise.all(before);
      const reads = stream.reads !== false;
      if (reads) await slot();
      let released = !reads;
      const releaseOnce = () => {
        if (released) return;
        released = true;
        release();
      };
      try {
        if (failure) return;
        await work(stream, releaseOnce);
      } catch (error) {
        if (!failure) {
          failure = { error };
          onFirstFailure(error);
        }
      } finally {
        releaseOnce();
      }
    })();
    finished.set(stream.name, run);
  });
  await Promise.all(finished.values());
  if (failure) throw failure.error;
}
