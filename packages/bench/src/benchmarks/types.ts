import type { BenchContext } from "../context";
import type { Figure } from "../harness/figure";

/** One numbered benchmark: the figure lines it prints (their ids are known before it runs). */
export interface Benchmark {
  id: string;
  title: string;
  /** Line ids and titles, so an error or a skipped run still prints every line. */
  lines: { id: string; title: string }[];
  /** Left out of `--quick` (unless named with --only): its small size would measure nothing. */
  fullOnly?: boolean;
  run(ctx: BenchContext): Promise<Figure[]>;
}
