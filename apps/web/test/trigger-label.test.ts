import { describe, expect, it } from "vitest";
import { triggerLabel } from "../src/pages/connections/trigger-label";

describe("triggerLabel", () => {
  it("names why a sync ran in people's words, never the stored code", () => {
    // Tried: every trigger the worker and CLI record, and one the vocabulary lacks. Must hold:
    // a rotation is not called "Manual", and no code (snake_case or bare) reaches the page.
    expect(triggerLabel("rotation")).toBe("After new credentials");
    expect(triggerLabel("manual")).toBe("Sync now");
    expect(triggerLabel("initial")).toBe("First sync");
    expect(triggerLabel("retry")).toBe("Automatic retry");
    expect(triggerLabel("some_future_trigger")).toBe("Sync");
  });
});
