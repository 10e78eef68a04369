import { describe, expect, it } from "vitest";
import { auditActorName } from "../src/pages/audit/describe-audit-entry";

describe("the audit log's Who column", () => {
  it("names the user, else the command line or a connect link for rows they wrote, else the system", () => {
    // Tried: a row with a user, user-less rows with details.via "cli" and "connect_link", a user-less
    // row without it. Must hold: the user's name; "Command line"; "Connect link"; "System" (the worker, a webhook).
    expect(auditActorName({ actorName: "Olivia Owner", details: { via: "cli" } })).toEqual({
      name: "Olivia Owner",
      person: true,
    });
    expect(auditActorName({ actorName: null, details: { name: "Acme", via: "cli" } })).toEqual({
      name: "Command line",
      person: false,
    });
    expect(auditActorName({ actorName: null, details: { via: "connect_link", connect_link_id: "x" } })).toEqual({
      name: "Connect link",
      person: false,
    });
    expect(auditActorName({ actorName: null, details: {} })).toEqual({ name: "System", person: false });
  });
});
