import { type StreamCounts, sql } from "@roster/db";

export type RunCounts = Record<string, StreamCounts>;

export function emptyCounts(): StreamCounts {
  return { read: 0, created: 0, updated: 0, unchanged: 0, deleted: 0, failed: 0, done: false };
}

export function totals(counts: RunCounts): StreamCounts {
  const sum = emptyCounts();
  for (const c of Object.values(counts)) {
    sum.read += c.read;
    sum.created += c.created;
    sum.updated += c.updated;
    sum.unchanged += c.unchanged;
    sum.deleted += c.deleted;
    sum.failed += c.failed;
  }
  sum.done = Object.values(counts).every((c) => c.done);
  return sum;
}

/**
 * The run's stored counts with one stream's entry replaced, and the others as stored: streams
 * of one run commit side by side, and each writes only what it knows (a whole-object write
 * could put back another stream's older counts).
 */
export function streamCountsUpdate(stream: string, counts: StreamCounts) {
  // Typed as what the column takes on update (its JSON text).
  return sql<string>`jsonb_set(counts, array[${stream}]::text[], ${JSON.stringify(counts)}::jsonb)`;
}
