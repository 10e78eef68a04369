import { fullSync } from "./1-full-sync";
import { upsertVsCopy } from "./2-upsert-stage";
import { naiveUpsert } from "./3-naive-upsert";
import { resync } from "./4-resync";
import { peakRss } from "./5-peak-rss";
import { directoryApi } from "./6-directory-api";
import { leverWebhooks } from "./7-lever-webhooks";
import { jobRunner } from "./8-job-runner";
import { apiExport } from "./9-api-export";
import { apiList } from "./10-api-list";
import { changeWebhooks } from "./11-change-webhooks";
import { latencyChains } from "./12-latency-chains";
import { bamboohrSync } from "./13-bamboohr";
import { fleetThroughput } from "./14-fleet";
import { hireExportLatency } from "./15-hire-export-latency";
import type { Benchmark } from "./types";

export type { Benchmark } from "./types";

/**
 * Run order matters: 1 reads the simulator before 4 mutates it, and 2/3 map its people
 * before 4 changes them.
 */
export const benchmarks: readonly Benchmark[] = [
  fullSync,
  upsertVsCopy,
  naiveUpsert,
  resync,
  peakRss,
  directoryApi,
  leverWebhooks,
  jobRunner,
  apiExport,
  apiList,
  changeWebhooks,
  latencyChains,
  bamboohrSync,
  fleetThroughput,
  hireExportLatency,
];
