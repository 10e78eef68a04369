import { z } from "zod";
import { FIELD_GROUPS } from "../model/access";
import { WEBHOOK_EVENTS } from "../webhooks/registry";

const everyKth = z.number().int().min(0);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const fieldValue = z.union([z.string(), z.null()]);

export const accessBody = z.strictObject({
  hiddenGroups: z.array(z.enum(FIELD_GROUPS)).optional(),
  hiddenFields: z.array(z.string().min(1)).optional(),
  employees: z.union([z.literal("all"), z.array(z.number().int().positive())]).optional(),
  directory: z.enum(["full", "orgChart", "none"]).optional(),
  canAddEmployees: z.boolean().optional(),
  canEditEmployees: z.boolean().optional(),
});

export const createKeyBody = z.strictObject({ userId: z.number().int().positive().optional(), access: accessBody.optional() });

export const userStatusBody = z.strictObject({ status: z.enum(["enabled", "disabled"]) });

export const settingsBody = z.strictObject({
  directory: z.enum(["enabled", "orgChartOnly", "disabled"]).optional(),
  webhooksEnabled: z.boolean().optional(),
  directoryFields: z.array(z.string().min(1)).optional(),
});

export const fieldsBody = z.record(z.string(), fieldValue);

export const statusBody = z.strictObject({
  date: isoDay.optional(),
  employmentStatus: z.string().min(1),
  terminationReasonId: z.string().nullable().optional(),
  terminationTypeId: z.string().nullable().optional(),
});

export const terminateBody = statusBody.omit({ employmentStatus: true });

export const rehireBody = z.strictObject({ date: isoDay.optional(), employmentStatus: z.string().min(1).optional() });

export const jobInfoBody = z.strictObject({
  date: isoDay.optional(),
  jobTitle: fieldValue.optional(),
  department: fieldValue.optional(),
  division: fieldValue.optional(),
  location: fieldValue.optional(),
  reportsTo: z.number().int().positive().nullable().optional(),
});

export const compensationBody = z.strictObject({
  startDate: isoDay.optional(),
  rate: z.string().min(1),
  currency: z.string().length(3).optional(),
  type: z.enum(["Salary", "Hourly"]).optional(),
  paidPer: z.enum(["Year", "Hour"]).optional(),
  exempt: z.enum(["Exempt", "Non-exempt"]).nullable().optional(),
  paySchedule: z.string().nullable().optional(),
  reason: z.string().nullable().optional(),
});

export const mutateBody = z.strictObject({
  change: z.number().int().min(0).max(100_000).optional(),
  add: z.number().int().min(0).max(100_000).optional(),
  terminate: z.number().int().min(0).max(100_000).optional(),
  delete: z.number().int().min(0).max(100_000).optional(),
});

export const webhookBody = z.strictObject({
  url: z.url(),
  name: z.string().min(1).optional(),
  format: z.enum(["json", "form-encoded"]).optional(),
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1).optional(),
  monitorFields: z.array(z.string().min(1)).optional(),
  postFields: z.record(z.string(), z.string()).optional(),
  includeCompanyDomain: z.boolean().optional(),
  ownerUserId: z.number().int().positive().optional(),
  privateKey: z.string().min(1).optional(),
});

/** The sandbox webhook: where to deliver and the key the receiver already holds. */
export const sandboxWebhookBody = z.strictObject({
  url: z.url(),
  privateKey: z.string().min(1),
});

export const faultsBody = z.strictObject({
  errorRate: z.number().min(0).max(1).optional(),
  errorStatus: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(504)]).optional(),
  rateLimitPerSecond: z.number().min(0).optional(),
  rateLimitBurst: z.number().min(0).optional(),
  throttleNext: z.number().int().min(0).optional(),
  throttleStatus: z.union([z.literal(429), z.literal(503)]).optional(),
  throttleRetryAfter: z.boolean().optional(),
  throttleRetryAfterSeconds: z.number().int().min(0).max(3600).optional(),
  latencyMs: z.number().min(0).max(60_000).optional(),
  latencyJitterMs: z.number().min(0).max(60_000).optional(),
  truncateEveryKthResponse: everyKth.optional(),
  resetEveryKthRequest: everyKth.optional(),
  paused: z.boolean().optional(),
  seed: z.number().int().optional(),
});

export const behaviourBody = z.strictObject({
  changedSince: z.enum(["inclusive", "exclusive"]).optional(),
  metaFieldsFollowPermissions: z.boolean().optional(),
  webhookSignature: z.enum(["body+timestamp", "timestamp.body"]).optional(),
  legacyFieldValues: z.enum(["plain", "object"]).optional(),
  companyDomainHeader: z
    .string()
    .regex(/^[A-Za-z0-9-]+$/)
    .optional(),
  webhookHttpsOnly: z.boolean().optional(),
});
