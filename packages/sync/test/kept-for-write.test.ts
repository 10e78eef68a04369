import { describe, expect, it } from "vitest";
import { tableSpecs } from "../src/tables/index";
import { keptForWrite } from "../src/write-batch";
import { person } from "./person";

describe("keptForWrite", () => {
  it("keeps a record's remote id and the remote ids its links name, nothing else", () => {
    // Tried: a person with every field set. Must hold: the batch holds only what a write with
    // encoded rows reads (upsert.ts), so the payload and the rest are free to go.
    const ada = person("p1", { manager: "p0", department: "d1" }, { firstName: "Ada", remoteData: { id: "p1", a: "lot" } });
    expect(keptForWrite(tableSpecs.employees, ada)).toEqual({
      remoteId: "p1",
      managerRemoteId: "p0",
      departmentRemoteId: "d1",
      locationRemoteId: null,
    });
  });

  it("knows the field of every link of every table", () => {
    for (const spec of Object.values(tableSpecs)) {
      expect(() => keptForWrite(spec as never, { remoteId: "x" } as never)).not.toThrow();
    }
  });
});
