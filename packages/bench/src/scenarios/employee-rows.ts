import { zenefitsStreams } from "@roster/connector-zenefits";
import { type Employee, modelSchemas } from "@roster/core";
import type { BenchContext } from "../context";
import { fetchPages, streamPaths } from "../harness/fetch-pages";

/**
 * The main tenant's people, mapped by the connector and checked against the unified
 * schema exactly as the engine does: the "pre-mapped rows" of figures 2 and 3. Untimed.
 */
export function employeeRows(ctx: BenchContext): Promise<Employee[]> {
  return ctx.memo("employee-rows", async () => {
    const sim = await ctx.sim("main");
    return ctx.progress.step(`fetching and mapping ${sim.people.toLocaleString("en-US")} people (untimed)`, async () => {
      const records: Employee[] = [];
      for await (const page of fetchPages(sim.url, sim.token, streamPaths.people ?? "/core/people")) {
        for (const raw of page) {
          const mapped = zenefitsStreams.people.map(raw);
          if (mapped.ok) records.push(modelSchemas.employees.parse(mapped.value));
        }
      }
      return records;
    });
  });
}
