import { z } from "zod";
import { modulesOf } from "../modules/modules";
import type { FlowRecord, PlatformStatus } from "../modules/records";
import { renderCompanyInstall, renderFlow, renderPersonSubscription } from "../render/platform";
import type { RenderContext } from "../render/refs";
import type { CompanyData } from "../store/records";
import { canonicalId, findById, isNumericId } from "../store/sorted";
import { type ApiResult, notFound } from "./handler";

/**
 * The platform's POST routes (reference §5; the status body is confirmed, the rest of the
 * bodies and every answer are the simulator's choice, README). Each answers 201 with the
 * changed or created object in the usual envelope.
 */
export interface PlatformWrite {
  /** GET on the same path is a list too (POST /platform/flows/ creates, GET lists). */
  alsoGet: boolean;
  perform(data: CompanyData, ctx: RenderContext, body: unknown): ApiResult;
}

const statusBody = z.object({ status: z.enum(["ok", "not_enrolled"]) });
const fieldsObject = z.record(z.string(), z.unknown());
/** `{fields: {...}}`, or the field values themselves; at least one field. */
const fieldsBody = z
  .unknown()
  .transform((body) => (typeof body === "object" && body !== null && "fields" in body ? body.fields : body))
  .pipe(fieldsObject.refine((fields) => Object.keys(fields).length > 0, "no fields to change"));
const flowBody = z.object({
  person_subscription: z.union([z.string(), z.number()]).optional(),
  fields: fieldsObject.optional(),
});

function invalid(error: z.ZodError): ApiResult {
  const message = error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`).join("; ");
  return { kind: "error", status: 400, message };
}

const created = (data: object): ApiResult => ({ kind: "detail", data, status: 201 });

/** A numeric id, or the last segment of a ref url, as the platform's bodies may carry either. */
function idOf(value: string | number): string | null {
  const last = String(value).replace(/\/+$/, "").split("/").pop() ?? "";
  return isNumericId(last) ? canonicalId(last) : null;
}

type Changeable = { status: PlatformStatus; fields: Record<string, unknown> };

function changeRoute<T extends Changeable & { id: string }>(
  records: (data: CompanyData) => T[],
  render: (record: T, ctx: RenderContext) => object,
  kind: "status" | "fields",
  id: string,
): PlatformWrite {
  return {
    alsoGet: false,
    perform(data, ctx, body) {
      const record = findById(records(data), canonicalId(id));
      if (!record) return notFound();
      if (kind === "status") {
        const parsed = statusBody.safeParse(body);
        if (!parsed.success) return invalid(parsed.error);
        record.status = parsed.data.status;
      } else {
        const parsed = fieldsBody.safeParse(body);
        if (!parsed.success) return invalid(parsed.error);
        Object.assign(record.fields, parsed.data);
      }
      return created(render(record, ctx));
    },
  };
}

const flowFieldsChange = (id: string): PlatformWrite => ({
  alsoGet: false,
  perform(data, ctx, body) {
    const flow = findById(modulesOf(data).platform.flows, canonicalId(id));
    if (!flow) return notFound();
    const parsed = fieldsBody.safeParse(body);
    if (!parsed.success) return invalid(parsed.error);
    Object.assign(flow.fields, parsed.data);
    return created(renderFlow(flow, ctx));
  },
});

const createFlow: PlatformWrite = {
  alsoGet: true,
  perform(data, ctx, body) {
    const parsed = flowBody.safeParse(body);
    if (!parsed.success) return invalid(parsed.error);
    const platform = modulesOf(data).platform;
    let subscriptionId: string | null = null;
    if (parsed.data.person_subscription !== undefined) {
      subscriptionId = idOf(parsed.data.person_subscription);
      if (subscriptionId === null || !findById(platform.personSubscriptions, subscriptionId)) {
        return { kind: "error", status: 400, message: "person_subscription: no such person subscription." };
      }
    }
    const flow: FlowRecord = { id: platform.nextFlowId(), subscriptionId, fields: parsed.data.fields ?? {} };
    platform.flows.push(flow);
    return created(renderFlow(flow, ctx));
  },
};

/** The write route a path names (segments without empty ones), or null. */
export function matchPlatformWrite(segments: readonly string[]): PlatformWrite | null {
  const [family, name, id, action, ...rest] = segments;
  if (family !== "platform" || rest.length > 0) return null;
  if (name === "flows" && id === undefined) return createFlow;
  if (id === undefined || !isNumericId(id)) return null;
  const kind = action === "status_changes" ? "status" : action === "fields_changes" ? "fields" : null;
  if (kind === null) return null;
  if (name === "company_installs")
    return changeRoute((d) => modulesOf(d).platform.companyInstalls, renderCompanyInstall, kind, id);
  if (name === "person_subscriptions") {
    return changeRoute((d) => modulesOf(d).platform.personSubscriptions, renderPersonSubscription, kind, id);
  }
  if (name === "flows" && kind === "fields") return flowFieldsChange(id);
  return null;
}
