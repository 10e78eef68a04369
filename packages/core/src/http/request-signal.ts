/** The signal one request is sent with, and what ends it. */
export interface RequestSignal {
  signal: AbortSignal;
  /** Whether it was the request's own time limit that aborted it. */
  timedOut(): boolean;
  /** Clears the timer and unhooks the outer signal: call once the answer is read. */
  release(): void;
}

/**
 * Aborted when `outer` (the run's signal) is, or once the request has taken `timeoutMs`.
 * AbortSignal.timeout() with AbortSignal.any() does the same, but keeps every request's signal,
 * timer and listeners alive until its time limit runs out, long after the answer was read: a
 * sync reading pages as fast as a local provider answers held thousands of them.
 */
export function requestSignal(timeoutMs: number, outer?: AbortSignal): RequestSignal {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException(`The request timed out after ${timeoutMs} ms`, "TimeoutError"));
  }, timeoutMs);
  // Like AbortSignal.timeout's, the timer alone does not keep the process running.
  timer.unref();
  const forward = () => controller.abort(outer?.reason);
  if (outer?.aborted) forward();
  else outer?.addEventListener("abort", forward, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    release() {
      clearTimeout(timer);
      outer?.removeEventListener("abort", forward);
    },
  };
}
