import { notMeasured } from "../harness/figure";
import type { Benchmark } from "./types";

const TITLE = "directory API p95 under concurrent load";

/**
 * Figure 6 (slot): p95 latency of the directory procedures (list/search people at 100k)
 * under concurrent requests, against a bare indexed query. Not measured until the API's
 * directory procedures exist; no number is printed before then.
 */
export const directoryApi: Benchmark = {
  id: "6",
  title: TITLE,
  lines: [{ id: "6", title: TITLE }],
  async run() {
    return [notMeasured("6", TITLE, "the API's directory procedures (apps/api)")];
  },
};
