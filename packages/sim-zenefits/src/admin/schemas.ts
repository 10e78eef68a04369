import { z } from "zod";
import { ALL_SCOPES } from "../permissions";

const count = z.number().int().min(0).max(1_000_000);
const everyKth = z.number().int().min(0);

export const createTokenSchema = z.strictObject({
  scopes: z.array(z.enum(ALL_SCOPES as [string, ...string[]])).optional(),
  companyId: z.string().optional(),
});

export const tokenScopesSchema = z.strictObject({
  scopes: z.array(z.enum(ALL_SCOPES as [string, ...string[]])),
});

export const faultsSchema = z.strictObject({
  error500Rate: z.number().min(0).max(1).optional(),
  rateLimitPerSecond: z.number().min(0).optional(),
  rateLimitBurst: z.number().min(0).optional(),
  latencyMs: z.number().min(0).max(60_000).optional(),
  latencyJitterMs: z.number().min(0).max(60_000).optional(),
  truncateEveryKthListPage: everyKth.optional(),
  resetEveryKthRequest: everyKth.optional(),
  malformedEveryKthListPage: everyKth.optional(),
  paused: z.boolean().optional(),
  seed: z.number().int().optional(),
});

export const mutateSchema = z.strictObject({
  change: count.optional(),
  add: count.optional(),
  terminate: count.optional(),
  delete: count.optional(),
  companyId: z.string().optional(),
});

export const quirksSchema = z.strictObject({
  singularPersonPath: z.boolean().optional(),
  hiddenFields: z.enum(["null", "omit"]).optional(),
});
