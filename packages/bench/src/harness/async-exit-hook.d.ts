// async-exit-hook ships no types; this is the one function the bench uses.
declare module "async-exit-hook" {
  /** Runs `hook` on exit and on SIGINT/SIGTERM; an async hook calls `done` when finished (max 10 s). */
  export default function exitHook(hook: (done?: () => void) => void): void;
}
