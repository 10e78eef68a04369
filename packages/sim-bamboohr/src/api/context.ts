import type { IncomingMessage } from "node:http";
import type { FieldView } from "../fields/catalog";
import { forbidden, notFound } from "../http/api-error";
import { type CompiledAccess, canSeeEmployee } from "../model/access";
import type { EmployeeRecord, UserRecord } from "../model/records";
import type { CompanyState, SimState } from "../state";

/** What every gateway route receives: the caller, their company and the request. */
export interface ApiContext {
  req: IncomingMessage;
  url: URL;
  state: SimState;
  company: CompanyState;
  user: UserRecord;
  access: CompiledAccess;
  /** The client sent `Accept: application/json`. */
  json: boolean;
  /** `http://host:port/api/gateway.php/{domain}` as the client addressed us. */
  gatewayBase: string;
  body(): Promise<string>;
}

export function fieldView(ctx: ApiContext, onlyCurrent: boolean, supervisorName: FieldView["supervisorName"]): FieldView {
  const company = ctx.company.data;
  return { today: ctx.state.today, onlyCurrent, supervisorName, employee: (id) => company.employee(id) };
}

/** `/employees/{id}`: `0` is the key's own employee; 404 when absent, 403 when hidden from this user. */
export function visibleEmployee(ctx: ApiContext, rawId: string): EmployeeRecord {
  if (!/^\d+$/.test(rawId)) throw notFound(`Employee ${rawId} not found`);
  const id = rawId === "0" ? ctx.user.employeeId : Number(rawId);
  const employee = id === 0 ? undefined : ctx.company.data.employee(id);
  if (!employee) throw notFound(`Employee ${rawId} not found`);
  if (!canSeeEmployee(ctx.access, employee.id)) throw forbidden(`You do not have access to employee ${employee.id}`);
  return employee;
}
