import { modelSchemas } from "@roster/core";
import { expect } from "vitest";
import { defineCheck, readAll, sorted } from "./check";

export const paginationCheck = defineCheck({
  id: "pagination",
  title: "a full sync reaches every record of every stream over many pages",
  async run(h) {
    let batches = 0;
    const outcome = await h.sync({ onProgress: () => batches++ });
    expect(outcome.errorMessage ?? "").toBe("");
    expect(outcome.status).toBe("succeeded");
    const truth = await h.sim.truth();
    for (const stream of Object.keys(h.connector.streams)) {
      if (!truth[stream]) continue;
      expect(await h.liveIds(stream), `stream ${stream} holds exactly the provider's records`).toEqual(sorted(truth[stream]));
    }
    const mutable = truth[h.options.mutableStream] ?? [];
    expect(mutable.length, "the simulator must hold more records than one batch").toBeGreaterThan(h.options.batchSize ?? 40);
    expect(batches, "the sync reported progress batch by batch").toBeGreaterThan(1);
    const { pages } = await readAll(h, h.options.mutableStream);
    expect(pages, "the mutable stream spans several pages").toBeGreaterThan(1);
  },
});

export const mappingCheck = defineCheck({
  id: "mapping-valid",
  title: "every mapped record validates against the unified schema; every unmappable one names its id and reason",
  async run(h) {
    for (const [name, stream] of Object.entries(h.connector.streams)) {
      const { records } = await readAll(h, name);
      for (const raw of records) {
        const mapped = stream.map(raw);
        if (mapped.ok) {
          const checked = modelSchemas[stream.model].safeParse(mapped.value);
          expect(checked.success, `${name}: ${JSON.stringify(checked.error?.issues[0])}`).toBe(true);
        } else {
          expect(mapped.reason.length, `${name}: a failure says why`).toBeGreaterThan(0);
        }
      }
    }
  },
});

export const stableIdsCheck = defineCheck({
  id: "stable-ids",
  title: "remote ids are unique within a read and identical across reads",
  async run(h) {
    const stream = h.connector.streams[h.options.mutableStream]!;
    const idsOf = async () =>
      (await readAll(h, h.options.mutableStream)).records.map((raw) => {
        const mapped = stream.map(raw);
        return mapped.ok ? mapped.value.remoteId : (mapped.remoteId ?? "");
      });
    const first = await idsOf();
    const second = await idsOf();
    expect(new Set(first).size, "no id repeats within one read").toBe(first.length);
    expect(sorted(second)).toEqual(sorted(first));
  },
});
