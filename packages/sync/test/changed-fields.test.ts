import { describe, expect, it } from "vitest";
import { changedFieldLabels } from "../src/index";

describe("changedFieldLabels", () => {
  it("names change_log's columns as the fields people know, each once", () => {
    // Tried: the columns an updated person logs, including a normalised copy, a reference and
    // the raw record. Must hold: "Work email" once, "Manager" for manager_remote_id, the raw
    // record left out beside named fields, and no column name anywhere.
    expect(
      changedFieldLabels("employees", ["work_email", "work_email_normalized", "manager_remote_id", "remote_data", "job_title"]),
    ).toEqual(["Work email", "Manager", "Job title"]);
  });

  it("names the provider's raw record only when nothing else changed, and drops unknown columns", () => {
    // Tried: only the raw record; then a bookkeeping column alone. Must hold: the raw record in words; nothing for the other.
    expect(changedFieldLabels("employees", ["remote_data"])).toEqual(["Other details from the provider"]);
    expect(changedFieldLabels("employees", ["remote_updated_at"])).toEqual([]);
    expect(changedFieldLabels("departments", ["parent_remote_id"])).toEqual(["Parent department"]);
  });
});
