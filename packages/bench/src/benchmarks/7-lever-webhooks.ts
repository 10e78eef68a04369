import { notMeasured } from "../harness/figure";
import type { Benchmark } from "./types";

const TITLE = "Lever webhook burst";

/**
 * Figure 7 (slot): a burst of signed Lever "candidate hired" webhooks through the API and
 * the export flow into Zenefits' import channel, against the simulator's own ingest rate.
 * Not measured until the Lever export flow exists; no number is printed before then.
 */
export const leverWebhooks: Benchmark = {
  id: "7",
  title: TITLE,
  lines: [{ id: "7", title: TITLE }],
  async run() {
    return [notMeasured("7", TITLE, "the Lever export flow (webhook intake → export job → Zenefits import)")];
  },
};
