import type { Faults as LeverFaults, RateLimitConfig } from "@roster/sim-lever";
import type { Quirks, FaultConfig as ZenefitsFaults } from "@roster/sim-zenefits";
import { usageError } from "../exit-codes";
import { parseInteger } from "../options";

export type SimulatorId = "zenefits" | "lever";

/** The flags `roster simulate` takes beyond data size, port and seed, as commander hands them over. */
export interface SimulateFlags {
  errorRate?: string;
  latency?: string;
  latencyJitter?: string;
  rateLimit?: string;
  burst?: string;
  truncateEvery?: string;
  resetEvery?: string;
  malformedEvery?: string;
  retryAfter?: boolean;
  hiddenFields?: string;
  singularPersonPath?: boolean;
}

/** One flag: how it is written, what it does, and which simulators take it. */
export interface FlagSpec {
  flags: string;
  key: keyof SimulateFlags;
  description: string;
  providers: readonly SimulatorId[];
}

const BOTH = ["zenefits", "lever"] as const;

/** Fault injection at start (the same settings the admin faults route changes while running). */
export const FAULT_FLAGS: readonly FlagSpec[] = [
  { flags: "--error-rate <0..1>", key: "errorRate", description: "answer this fraction of requests with a 500", providers: BOTH },
  { flags: "--latency <ms>", key: "latency", description: "delay every answer", providers: BOTH },
  {
    flags: "--latency-jitter <ms>",
    key: "latencyJitter",
    description: "plus a random delay up to this",
    providers: ["zenefits"],
  },
  {
    flags: "--rate-limit <per-second>",
    key: "rateLimit",
    description: "token bucket: 429 beyond it (lever: replaces Lever's 10/s; 0 turns it off)",
    providers: BOTH,
  },
  { flags: "--burst <n>", key: "burst", description: "bucket size for --rate-limit", providers: BOTH },
  { flags: "--truncate-every <k>", key: "truncateEvery", description: "cut every kth list page mid-JSON", providers: BOTH },
  { flags: "--reset-every <k>", key: "resetEvery", description: "reset the connection of every kth request", providers: BOTH },
  {
    flags: "--malformed-every <k>",
    key: "malformedEvery",
    description: "one record of every kth list page gets an unexpected shape",
    providers: ["zenefits"],
  },
  {
    flags: "--retry-after",
    key: "retryAfter",
    description: "send Retry-After with 429s (Lever documents none)",
    providers: ["lever"],
  },
];

/** Readings of what the Zenefits reference leaves open. */
export const QUIRK_FLAGS: readonly FlagSpec[] = [
  {
    flags: "--hidden-fields <null|omit>",
    key: "hiddenFields",
    description: "a person field the token may not see: null (default) or left out",
    providers: ["zenefits"],
  },
  {
    flags: "--singular-person-path",
    key: "singularPersonPath",
    description: "also serve /core/person/{id}/custom_field_values",
    providers: ["zenefits"],
  },
];

/** The option's help line: which simulator takes it, unless both do. */
export function flagDescription(spec: FlagSpec): string {
  return spec.providers.length === 2 ? spec.description : `${spec.providers.join(", ")}: ${spec.description}`;
}

/** A usage error for any flag given to the simulator that does not take it. */
export function rejectForeignFlags(provider: SimulatorId, flags: SimulateFlags): void {
  for (const spec of [...FAULT_FLAGS, ...QUIRK_FLAGS]) {
    if (flags[spec.key] === undefined || spec.providers.includes(provider)) continue;
    const name = spec.flags.split(" ")[0];
    throw usageError(`${name} is for ${spec.providers.join(" and ")}, not ${provider}`);
  }
}

function parseRate(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(value) || value < 0 || value > 1) {
    throw usageError(`--error-rate must be a number from 0 to 1 (got "${raw}")`);
  }
  return value;
}

const count = (flag: string, raw: string | undefined, max = 1_000_000) => parseInteger(flag, raw, { min: 0, max });

/** Drops unset fields, so a partial config only overrides what was given. */
function defined<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function zenefitsFaults(flags: SimulateFlags): Partial<ZenefitsFaults> {
  return defined({
    error500Rate: parseRate(flags.errorRate),
    latencyMs: count("--latency", flags.latency, 60_000),
    latencyJitterMs: count("--latency-jitter", flags.latencyJitter, 60_000),
    rateLimitPerSecond: count("--rate-limit", flags.rateLimit),
    rateLimitBurst: count("--burst", flags.burst),
    truncateEveryKthListPage: count("--truncate-every", flags.truncateEvery),
    resetEveryKthRequest: count("--reset-every", flags.resetEvery),
    malformedEveryKthListPage: count("--malformed-every", flags.malformedEvery),
  });
}

export function zenefitsQuirks(flags: SimulateFlags): Partial<Quirks> {
  const hidden = flags.hiddenFields;
  if (hidden !== undefined && hidden !== "null" && hidden !== "omit") {
    throw usageError(`--hidden-fields must be null or omit (got "${hidden}")`);
  }
  return defined({ hiddenFields: hidden, singularPersonPath: flags.singularPersonPath });
}

export function leverFaults(flags: SimulateFlags): Partial<LeverFaults> {
  return defined({
    errorRate: parseRate(flags.errorRate),
    latencyMs: count("--latency", flags.latency, 60_000),
    truncateEveryKthListPage: count("--truncate-every", flags.truncateEvery),
    resetEveryKthRequest: count("--reset-every", flags.resetEvery),
    retryAfterOn429: flags.retryAfter,
  });
}

/** Lever's own limit unless --rate-limit / --burst change it; `--rate-limit 0` turns it off. */
export function leverRateLimit(flags: SimulateFlags, lever: RateLimitConfig): RateLimitConfig | false | undefined {
  const perSecond = count("--rate-limit", flags.rateLimit);
  const burst = count("--burst", flags.burst);
  if (perSecond === undefined && burst === undefined) return undefined;
  if (perSecond === 0) return false;
  const rate = perSecond ?? lever.perSecond;
  return { perSecond: rate, burst: burst ?? Math.max(rate, perSecond === undefined ? lever.burst : rate * 2) };
}
