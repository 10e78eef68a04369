import type { ApiExportInput, ExportPair } from "../children/api-export";
import { settle } from "../harness/database";
import { type Figure, fmt } from "../harness/figure";
import { runChild } from "../harness/rss-child";
import { publicApiTenant } from "../scenarios/public-api";
import type { Benchmark } from "./types";

const lines = [{ id: "9", title: "public API: full employee export by cursor ÷ COPY TO STDOUT of the same rows" }];
const LIMIT = 3;
const PAGE_SIZE = 500;
const exportEntry = new URL("../children/api-export.ts", import.meta.url);

/**
 * Figure 9: a full export of the main tenant's employees through the real API (own process) by
 * cursor, page_size 500, each page parsed, by a consumer in a process of its own, as a customer's
 * mirror runs it. Baseline: COPY (the same columns and rows, in id order) TO STDOUT into that
 * same process, the fastest way out of PostgreSQL. Pairs alternate (COPY, then the API), after
 * one untimed pass of each; the median pair's ratio is reported.
 */
export const apiExport: Benchmark = {
  id: "9",
  title: "public API export by cursor",
  lines,
  async run(ctx) {
    const { tenant, key, api } = await publicApiTenant(ctx);
    try {
      await settle(tenant.db.url);
      const input: ApiExportInput = {
        apiUrl: api.info.url,
        apiPid: api.pid,
        key,
        databaseUrl: tenant.db.url,
        organisationId: tenant.fixture.organisationId,
        pageSize: PAGE_SIZE,
        pairs: ctx.quick ? 1 : 3,
      };
      const { result: pairs } = await ctx.progress.step(
        `${input.pairs} pair(s): COPY of ${fmt.count(tenant.people)} employees, then their export by cursor through /api/v1 (consumer in its own process)`,
        () => runChild<ApiExportInput, ExportPair[]>(exportEntry, input, 10 * 60_000, "consumer"),
      );
      const ratios = pairs.map((p) => p.api.ms / p.floor.ms);
      const median = [...pairs].sort((a, b) => a.api.ms / a.floor.ms - b.api.ms / b.floor.ms)[Math.floor(pairs.length / 2)]!;
      const ratio = median.api.ms / median.floor.ms;
      const complete = pairs.every((p) => p.api.records === p.floor.records && p.api.records === tenant.people);
      const figure: Figure = {
        id: "9",
        title: `${lines[0]!.title} (${fmt.count(tenant.people)} people, page ${PAGE_SIZE})`,
        value: `${fmt.seconds(median.api.ms)} (${fmt.count(Math.round((median.api.records / median.api.ms) * 1000))} records/s)`,
        baseline: `${fmt.seconds(median.floor.ms)} (${fmt.count(Math.round((median.floor.records / median.floor.ms) * 1000))} rows/s)`,
        ratio,
        target: `<= ${LIMIT}`,
        status: complete && ratio <= LIMIT ? "PASS" : "FAIL",
        note:
          `${median.api.pages} pages; pair ratios ${ratios.map((r) => r.toFixed(2)).join(", ")}; ` +
          `CPU in the median export: API ${fmt.seconds(median.api.cpu.apiMs)}, consumer ${fmt.seconds(median.api.cpu.consumerMs)}; ` +
          `the consumer waited ${fmt.seconds(median.api.waitMs)} for responses` +
          (complete ? "" : `; INCOMPLETE: exported ${pairs.map((p) => p.api.records).join("/")} of ${tenant.people}`),
        details: { pairs, people: tenant.people, pageSize: PAGE_SIZE },
      };
      return [figure];
    } finally {
      await api.stop();
    }
  },
};
