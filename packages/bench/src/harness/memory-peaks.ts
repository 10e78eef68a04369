import { readFileSync } from "node:fs";

/**
 * Where a measured child's memory went at its fullest, in MB: peak RSS alone cannot tell the
 * V8 heap from buffers outside it, nor the Node binary's pages from what the work allocated.
 */
export interface MemoryPeaks {
  /** What the heap's objects took, live or not yet collected (heapUsed), at its own peak. */
  heapUsedMb: number;
  /** What V8 had reserved for the heap (heapTotal), at its own peak. */
  heapTotalMb: number;
  /** Buffers and other memory V8 tracks outside its heap (external), at its own peak. */
  externalMb: number;
  /** At the sample of the highest RSS: anonymous pages (the heap, malloc) and file pages (the binary, libraries). */
  atRssPeak: { rssMb: number; anonMb: number; fileMb: number };
}

const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

function statusKb(status: string, field: string): number {
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
}

/** Samples the process's memory every 100 ms until stop() returns the peaks. */
export function sampleMemoryPeaks(): { stop(): MemoryPeaks } {
  let heapUsed = 0;
  let heapTotal = 0;
  let external = 0;
  let atRssPeak = { rssKb: 0, anonKb: 0, fileKb: 0 };
  const sample = () => {
    const usage = process.memoryUsage();
    heapUsed = Math.max(heapUsed, usage.heapUsed);
    heapTotal = Math.max(heapTotal, usage.heapTotal);
    external = Math.max(external, usage.external);
    const rssKb = usage.rss / 1024;
    if (rssKb > atRssPeak.rssKb) {
      let status = "";
      try {
        status = readFileSync("/proc/self/status", "utf8");
      } catch {
        // Not Linux: the split stays unknown (zero), the other peaks still hold.
      }
      atRssPeak = { rssKb, anonKb: statusKb(status, "RssAnon"), fileKb: statusKb(status, "RssFile") };
    }
  };
  const timer = setInterval(sample, 100);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return {
        heapUsedMb: mb(heapUsed),
        heapTotalMb: mb(heapTotal),
        externalMb: mb(external),
        atRssPeak: {
          rssMb: mb(atRssPeak.rssKb * 1024),
          anonMb: mb(atRssPeak.anonKb * 1024),
          fileMb: mb(atRssPeak.fileKb * 1024),
        },
      };
    },
  };
}
