import { LEVER_RATE_LIMIT } from "@roster/sim-lever";
import { describe, expect, it } from "vitest";
import { leverFaults, leverRateLimit, rejectForeignFlags, zenefitsFaults, zenefitsQuirks } from "../src/commands/simulate-flags";
import { CliError, ExitCode } from "../src/exit-codes";

/** The flag → simulator-setting translation `roster simulate` applies (the spawned CLI is tried in simulate.test.ts). */
describe("roster simulate flags", () => {
  const usage = (run: () => unknown, mentions: string) => {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(CliError);
      expect((error as CliError).exitCode).toBe(ExitCode.usage);
      expect((error as CliError).message).toContain(mentions);
      return;
    }
    throw new Error(`expected a usage error mentioning ${mentions}`);
  };

  it("maps each fault flag to the simulator's own setting, and leaves unset ones out", () => {
    expect(zenefitsFaults({ errorRate: "0.25", latency: "10", rateLimit: "5", truncateEvery: "3", malformedEvery: "7" })).toEqual(
      {
        error500Rate: 0.25,
        latencyMs: 10,
        rateLimitPerSecond: 5,
        truncateEveryKthListPage: 3,
        malformedEveryKthListPage: 7,
      },
    );
    expect(leverFaults({ errorRate: "1", resetEvery: "4", retryAfter: true })).toEqual({
      errorRate: 1,
      resetEveryKthRequest: 4,
      retryAfterOn429: true,
    });
    expect(zenefitsQuirks({ hiddenFields: "omit", singularPersonPath: true })).toEqual({
      hiddenFields: "omit",
      singularPersonPath: true,
    });
    expect(zenefitsFaults({})).toEqual({});
  });

  it("keeps Lever's own rate limit unless told otherwise; 0 turns it off; a rate alone bursts to twice it", () => {
    expect(leverRateLimit({}, LEVER_RATE_LIMIT)).toBeUndefined();
    expect(leverRateLimit({ rateLimit: "0" }, LEVER_RATE_LIMIT)).toBe(false);
    expect(leverRateLimit({ rateLimit: "3" }, LEVER_RATE_LIMIT)).toEqual({ perSecond: 3, burst: 6 });
    expect(leverRateLimit({ burst: "50" }, LEVER_RATE_LIMIT)).toEqual({ perSecond: 10, burst: 50 });
  });

  it("refuses bad values and another simulator's flags as usage errors naming the flag", () => {
    usage(() => zenefitsFaults({ errorRate: "2" }), "--error-rate");
    usage(() => leverFaults({ errorRate: "often" }), "--error-rate");
    usage(() => zenefitsFaults({ latency: "-1" }), "--latency");
    usage(() => zenefitsFaults({ truncateEvery: "1.5" }), "--truncate-every");
    usage(() => zenefitsQuirks({ hiddenFields: "drop" }), "--hidden-fields");
    usage(() => rejectForeignFlags("lever", { hiddenFields: "omit" }), "--hidden-fields is for zenefits");
    usage(() => rejectForeignFlags("zenefits", { retryAfter: true }), "--retry-after is for lever");
    expect(() => rejectForeignFlags("zenefits", { errorRate: "0.1", malformedEvery: "2" })).not.toThrow();
  });
});
