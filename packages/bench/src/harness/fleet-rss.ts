import { readFileSync } from "node:fs";

/** A live process's resident set now (VmRSS), in KB; 0 once it has exited (Linux). */
export function currentRssKb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/**
 * Samples the summed RSS of a set of processes (a fleet's APIs and workers) every `everyMs`
 * until stopped. The peak of the sum, not the sum of each one's peak: what the machine must
 * hold at once.
 */
export function sampleFleetRss(pids: () => number[], everyMs = 200): { stop(): { peakTotalKb: number; samples: number } } {
  let peakTotalKb = 0;
  let samples = 0;
  const sample = () => {
    const total = pids().reduce((sum, pid) => sum + currentRssKb(pid), 0);
    peakTotalKb = Math.max(peakTotalKb, total);
    samples++;
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { peakTotalKb, samples };
    },
  };
}
