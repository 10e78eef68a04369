import { describe, expect, it } from "vitest";
import { auditActorName } from "../src/pages/audit/describe-audit-entry";

describe("the audit log's Who column", () => {
  it("names the user, else the command line for rows the roster command wrote, else the system", () => {
    // Tried: a row with a user, a user-less row with details.via "cli", a user-less row without it.
    // Must hold: the user's name; "Command line"; "System" (the worker, a webhook).
    expect(auditActorName({ actorName: "Olivia Owner", details: { via: "cli" } })).toEqual({
      name: "Olivia Owner",
      person: true,
    });
    expect(auditActorName({ actorName: null, details: { name: "Acme", via: "cli" } })).toEqual({
      name: "Command line",
      person: false,
    });
    expect(auditActorName({ actorName: null, details: {} })).toEqual({ name: "System", person: false });
  });
});
