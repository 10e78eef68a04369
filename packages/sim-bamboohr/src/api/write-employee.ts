import { ApiError, badRequest, forbidden } from "../http/api-error";
import { mediaType, parseJson, parseXml, xmlFields } from "../http/body";
import { empty, type SimResponse } from "../http/respond";
import { WriteError, type WriteValues } from "../store/field-writes";
import { type ApiContext, visibleEmployee } from "./context";

/** The body as field values: a JSON object, or `<employee><field id="firstName">…</field></employee>`. */
async function readValues(ctx: ApiContext): Promise<WriteValues> {
  const text = await ctx.body();
  if (mediaType(ctx.req) === "application/json") {
    const body = parseJson(text);
    if (typeof body !== "object" || body === null || Array.isArray(body))
      throw badRequest("The body must be an object of fields");
    return body as WriteValues;
  }
  const document = parseXml(text);
  const employee = document.employee as Record<string, unknown> | undefined;
  if (!employee || typeof employee !== "object") throw badRequest("Malformed XML: expected an <employee> element");
  return xmlFields(employee.field);
}

function asApiError(error: unknown): never {
  if (error instanceof WriteError) throw new ApiError(error.status, error.message);
  throw error;
}

/**
 * POST /v1/employees (reference §7.1): 201 with no body and a Location
 * naming the new id; 400 without firstName and lastName, 409 for a value a
 * field refuses (list fields take existing option names), 403 without the
 * permission to add employees.
 */
export async function createEmployee(ctx: ApiContext): Promise<SimResponse> {
  if (!ctx.access.profile.canAddEmployees) throw forbidden("You do not have permission to add employees");
  const values = await readValues(ctx);
  try {
    const change = ctx.company.mutations.create(values);
    return empty(201, { location: `${ctx.gatewayBase}/v1/employees/${change.employeeId}` });
  } catch (error) {
    asApiError(error);
  }
}

/** POST /v1/employees/{id}: the same body shape, 200 with no body. */
export async function updateEmployee(ctx: ApiContext, params: Record<string, string>): Promise<SimResponse> {
  const employee = visibleEmployee(ctx, params.id ?? "");
  if (!ctx.access.profile.canEditEmployees) throw forbidden("You do not have permission to edit employees");
  const values = await readValues(ctx);
  try {
    ctx.company.mutations.updateFields(employee.id, values);
    return empty(200);
  } catch (error) {
    asApiError(error);
  }
}
