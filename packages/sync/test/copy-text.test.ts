import { describe, expect, it } from "vitest";
import { copyField, copyFields, replaceFields } from "../src/copy-text";

/** What replaceFields must equal: the row split on tabs, the fields replaced, joined again. */
function bySplitting(row: string, positions: readonly number[], values: readonly string[]): string {
  const fields = row.split("\t");
  positions.forEach((p, i) => {
    fields[p] = values[i]!;
  });
  return fields.join("\t");
}

describe("replaceFields", () => {
  it("replaces the fields named, wherever they are, and leaves every other byte of the row as it was", () => {
    // Tried: values holding tabs, newlines and backslashes (escaped by COPY's text format),
    // nulls, empty strings, and replacing the first, middle and last fields, alone and together.
    const values = ["plain", "tab\there", "line\nbreak", "back\\slash", null, "", "ünïcödé", "last"];
    const columns = values.map((v) => ({ value: () => v }));
    const row = copyFields(columns, {});
    const replacement = ["A", copyField("x\ty"), copyField(null)];
    for (const positions of [[0], [3], [7], [0, 7], [1, 4, 6], [2, 3, 4], [5, 6, 7]]) {
      const wanted = replacement.slice(0, positions.length);
      expect(replaceFields(row, positions, wanted)).toBe(bySplitting(row, positions, wanted));
    }
  });

  it("refuses a position past the row's last field", () => {
    expect(() => replaceFields("a\tb", [2], ["c"])).toThrow(/no field 2/);
  });
});
