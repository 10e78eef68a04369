import type { StreamCounts } from "@roster/db";
import type { RunCounts } from "@roster/sync";
import cliProgress from "cli-progress";
import type { Output } from "./output";

type State = "waiting" | "reading" | "done";

const BAR_WIDTH = 12;

/**
 * Live progress of a sync, one line per stream. Providers do not say how many records a
 * stream holds, so a bar cannot show a percentage: it pulses while a stream is read and
 * fills when it is done, beside the running counts. On a terminal the lines redraw in
 * place (cli-progress); elsewhere each stream prints one line when it finishes.
 */
export class SyncProgress {
  private readonly bars = new Map<string, cliProgress.SingleBar>();
  private readonly printed = new Set<string>();
  private readonly multibar: cliProgress.MultiBar | null;
  private readonly nameWidth: number;

  constructor(
    private readonly out: Output,
    private readonly streams: readonly string[],
    live: boolean,
  ) {
    this.nameWidth = Math.max(...streams.map((s) => s.length), 6);
    this.multibar = live
      ? new cliProgress.MultiBar({
          stream: process.stderr,
          hideCursor: true,
          clearOnComplete: false,
          stopOnComplete: false,
          fps: 10,
          format: (_options, params, payload: { line?: string }) => payload.line ?? String(params.value),
        })
      : null;
    for (const stream of streams) {
      const bar = this.multibar?.create(1, 0, { line: this.render(stream, undefined, "waiting") });
      if (bar) this.bars.set(stream, bar);
    }
  }

  /** Where log lines go while bars are drawn, so they do not tear the display. */
  log = (text: string): void => {
    if (this.multibar) this.multibar.log(text);
    else process.stderr.write(text);
  };

  update(counts: RunCounts): void {
    for (const stream of this.streams) {
      const c = counts[stream];
      // The engine adds a stream's counts when it starts reading it.
      const state: State = c?.done ? "done" : c ? "reading" : "waiting";
      if (this.multibar) {
        this.bars.get(stream)?.update(c?.read ?? 0, { line: this.render(stream, c, state) });
      } else if (state === "done" && !this.printed.has(stream)) {
        this.printed.add(stream);
        this.out.note(this.render(stream, c, state));
      }
    }
  }

  stop(): void {
    this.multibar?.stop();
  }

  private render(stream: string, c: StreamCounts | undefined, state: State): string {
    const { c: color } = this.out;
    const name = stream.padEnd(this.nameWidth);
    const bar =
      state === "done"
        ? color.green("█".repeat(BAR_WIDTH))
        : state === "reading"
          ? pulse(c?.read ?? 0)
          : color.dim("░".repeat(BAR_WIDTH));
    const label = state === "done" ? color.green("done   ") : state === "reading" ? color.cyan("reading") : color.dim("waiting");
    if (!c) return `${name} ${bar} ${label}`;
    const failed = c.failed > 0 ? color.red(`${c.failed} failed`) : `${c.failed} failed`;
    return `${name} ${bar} ${label} ${String(c.read).padStart(7)} read · ${c.created} created · ${c.updated} updated · ${c.unchanged} unchanged · ${failed}`;
  }
}

/** A block that moves with every batch: something is happening, without a fake percentage. */
function pulse(read: number): string {
  const at = Math.floor(read / 100) % (BAR_WIDTH - 2);
  return `${"░".repeat(at)}███${"░".repeat(BAR_WIDTH - 3 - at)}`;
}
