import { constants, PerformanceObserver } from "node:perf_hooks";

/** Time the process's main thread spent paused in V8's garbage collector, in ms, by kind. */
export interface GcPauses {
  /** Scavenges of the young generation. */
  minorMs: number;
  /** Mark-compacts of the whole heap (and their incremental steps). */
  majorMs: number;
  majorCount: number;
}

/** Adds up every garbage collection from now until stop(). */
export function observeGcPauses(): { stop(): GcPauses } {
  const pauses: GcPauses = { minorMs: 0, majorMs: 0, majorCount: 0 };
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = (entry as { detail?: { kind?: number } }).detail?.kind;
      if (kind === constants.NODE_PERFORMANCE_GC_MINOR) pauses.minorMs += entry.duration;
      else {
        pauses.majorMs += entry.duration;
        if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) pauses.majorCount++;
      }
    }
  });
  observer.observe({ entryTypes: ["gc"] });
  return {
    stop() {
      observer.disconnect();
      return { minorMs: Math.round(pauses.minorMs), majorMs: Math.round(pauses.majorMs), majorCount: pauses.majorCount };
    },
  };
}
