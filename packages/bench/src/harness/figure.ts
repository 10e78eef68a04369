/** One line of the results table (a benchmark may produce several, e.g. 4a, 4b, 4c). */
export interface Figure {
  id: string;
  title: string;
  /** What was measured, formatted with its unit ("12.3 s", "0 rows"). */
  value: string;
  /** What it is compared with, measured in the same run. */
  baseline: string;
  ratio: number | null;
  /** The measured side was cut off by the time limit: the true ratio is at least `ratio`. */
  ratioIsLowerBound?: boolean;
  target: string;
  status: "PASS" | "FAIL" | "NOT MEASURED" | "ERROR";
  note?: string;
  /** Raw numbers and breakdowns, written to the JSON results only. */
  details?: Record<string, unknown>;
}

export type Op = "<=" | ">=" | "<" | "=";

export function meets(actual: number, op: Op, limit: number): boolean {
  switch (op) {
    case "<=":
      return actual <= limit;
    case ">=":
      return actual >= limit;
    case "<":
      return actual < limit;
    case "=":
      return actual === limit;
  }
}

/** A ratio figure: value ÷ baseline, judged against `op limit`. */
export function ratioFigure(input: {
  id: string;
  title: string;
  value: number;
  baseline: number;
  format: (n: number) => string;
  op: Op;
  limit: number;
  note?: string;
  details?: Record<string, unknown>;
}): Figure {
  const ratio = input.baseline > 0 ? input.value / input.baseline : Number.POSITIVE_INFINITY;
  return {
    id: input.id,
    title: input.title,
    value: input.format(input.value),
    baseline: input.format(input.baseline),
    ratio,
    target: `${input.op} ${input.limit}`,
    status: meets(ratio, input.op, input.limit) ? "PASS" : "FAIL",
    note: input.note,
    details: input.details,
  };
}

/** A reserved slot: printed and written, never faked. */
export function notMeasured(id: string, title: string, needs: string): Figure {
  return {
    id,
    title,
    value: "—",
    baseline: "—",
    ratio: null,
    target: "—",
    status: "NOT MEASURED",
    note: `not yet measured: needs ${needs}`,
  };
}

export function errorFigure(id: string, title: string, error: unknown): Figure {
  const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
  return { id, title, value: "—", baseline: "—", ratio: null, target: "—", status: "ERROR", note: message };
}

export const fmt = {
  seconds: (ms: number) => `${(ms / 1000).toFixed(2)} s`,
  mb: (kb: number) => `${(kb / 1024).toFixed(0)} MB`,
  rate: (unit: string) => (n: number) => `${Math.round(n).toLocaleString("en-US")} ${unit}`,
  count: (n: number) => n.toLocaleString("en-US"),
};

/**
 * Of measurements taken in pairs (ours, then the baseline), the pair with the median ratio: on a
 * shared machine one pair moves from run to run, so figures that run several report the middle one.
 */
export function medianPair<P extends { ratio: number }>(pairs: readonly P[]): P {
  const sorted = [...pairs].sort((a, b) => a.ratio - b.ratio);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  if (!median) throw new Error("no pairs measured");
  return median;
}

/** "median of 3 <what> pairs, in the order run: …", or nothing for a single pair. */
export function pairsNote(what: string, pairs: readonly { ratio: number }[]): string | undefined {
  if (pairs.length < 2) return undefined;
  return `median of ${pairs.length} ${what} pairs, in the order run: ${pairs.map((p) => p.ratio.toFixed(2)).join(", ")}`;
}
