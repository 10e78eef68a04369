import type { AddressInfo } from "node:net";
import { isIsoDay, SIM_TODAY } from "./dates";
import { fieldKey } from "./fields/catalog";
import { ALL_FIELDS } from "./fields/resolve";
import { createSimServer } from "./http/server";
import { compileAccess, FULL_ACCESS } from "./model/access";
import { SEEDED_USERS } from "./seed/users";
import type { BambooHrSim, BambooHrSimOptions, EmployeeId } from "./sim-types";
import { SimState } from "./state";
import { NotFoundError } from "./store/mutations";
import { buildTruth, truthCounts } from "./truth";
import { DEFAULT_RETRY_DELAYS_MS } from "./webhooks/dispatcher";
import { checkWebhook } from "./webhooks/validate";

/** 40 hex characters, like a real key ("5a4db0c5" reads "sandbox"). */
export const SANDBOX_API_KEY = "5a4db0c55a4db0c55a4db0c55a4db0c55a4db0c5";
export const DEFAULT_EMPLOYEES = 50;
export const SANDBOX_EMPLOYEES = 120;
export const DEFAULT_SEED = 42;
export const DEFAULT_COMPANY = "acme";

const employeeId = (id: EmployeeId): number => {
  const n = Number(id);
  if (!Number.isInteger(n) || n <= 0) throw new NotFoundError(`No employee ${id}`);
  return n;
};

export async function startBambooHrSim(options: BambooHrSimOptions = {}): Promise<BambooHrSim> {
  const sandbox = options.sandbox ?? false;
  const today = options.today ?? SIM_TODAY;
  if (!isIsoDay(today)) throw new RangeError(`today must be a date YYYY-MM-DD (got "${today}")`);
  const state = new SimState({
    seed: options.seed ?? DEFAULT_SEED,
    employees: options.employees ?? (sandbox ? SANDBOX_EMPLOYEES : DEFAULT_EMPLOYEES),
    domains: options.companies ?? [DEFAULT_COMPANY],
    today,
    retryDelaysMs: options.webhookRetryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
    clock: options.clock ?? Date.now,
    behaviour: options.behaviour ?? {},
  });
  let sim: BambooHrSim | undefined;
  const server = createSimServer(state, () => sim);
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  state.url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;

  const first = state.company().data.domain;
  const apiKey = state.keys.create(first, SEEDED_USERS.admin, sandbox ? SANDBOX_API_KEY : undefined).key;
  const restrictedApiKey = state.keys.create(first, SEEDED_USERS.restricted).key;
  const data = (domain?: string) => state.company(domain).data;
  const mutations = (domain?: string) => state.company(domain).mutations;
  const user = (userId: number, domain?: string) => {
    const found = data(domain).user(userId);
    if (!found) throw new NotFoundError(`No user ${userId} in ${data(domain).domain}`);
    return found;
  };

  sim = {
    url: state.url,
    adminUrl: `${state.url}/__admin`,
    companyDomain: first,
    companyDomains: [...state.companies.keys()],
    apiKey,
    restrictedApiKey,
    users: SEEDED_USERS,
    gatewayUrl: (domain) => `${state.url}/api/gateway.php/${data(domain).domain}`,

    createApiKey: ({ companyDomain, userId, access } = {}) => {
      const company = data(companyDomain);
      if (userId !== undefined) {
        user(userId, company.domain);
        return { key: state.keys.create(company.domain, userId).key, userId };
      }
      const id = company.nextUserId();
      company.users.push({
        id,
        employeeId: 0,
        firstName: "API",
        lastName: `User ${id}`,
        email: `api${id}@${company.domain}.example`,
        status: "enabled",
        lastLoginSec: null,
        access: { ...FULL_ACCESS, ...access },
      });
      return { key: state.keys.create(company.domain, id).key, userId: id };
    },
    revokeApiKey: (key) => {
      state.keys.revoke(key);
    },
    setAccess: (userId, access, domain) => {
      const found = user(userId, domain);
      found.access = { ...found.access, ...access };
    },
    setUserStatus: (userId, status, domain) => {
      user(userId, domain).status = status;
    },
    setCompanySettings: ({ directoryFields, ...settings }, domain) => {
      const company = data(domain);
      company.settings = { ...company.settings, ...settings };
      if (directoryFields) company.directoryFields = [...directoryFields];
    },
    setBehaviour: (partial) => {
      state.behaviour = { ...state.behaviour, ...partial };
    },
    behaviour: () => ({ ...state.behaviour }),

    createEmployee: (fields, domain) => String(mutations(domain).create(fields).employeeId),
    updateEmployee: (id, fields, domain) => mutations(domain).updateFields(employeeId(id), fields),
    terminateEmployee: (id, input, domain) => mutations(domain).terminate(employeeId(id), input),
    rehireEmployee: (id, input, domain) => mutations(domain).rehire(employeeId(id), input),
    deleteEmployee: (id, domain) => mutations(domain).delete(employeeId(id)),
    addJobInfo: (id, row, domain) => mutations(domain).addJobInfo(employeeId(id), row),
    addCompensation: (id, row, domain) => mutations(domain).addCompensation(employeeId(id), row),
    addEmploymentStatus: (id, row, domain) => mutations(domain).addEmploymentStatus(employeeId(id), row),
    mutate: ({ companyDomain, ...request }) => state.batch(request, companyDomain),

    createWebhook: ({ companyDomain, ownerUserId, privateKey, ...input }) => {
      const company = data(companyDomain);
      const owner = ownerUserId === undefined ? null : user(ownerUserId, company.domain);
      const check = checkWebhook(
        {
          name: "Simulator webhook",
          format: "json",
          events: ["employee.created", "employee.updated", "employee.deleted"],
          // A webhook made here watches every field unless told otherwise.
          monitorFields: ALL_FIELDS.filter((field) => field.listed).map(fieldKey),
          ...input,
        },
        owner ? compileAccess(owner.access) : null,
        false,
      );
      if (!check.ok) throw new RangeError(`Invalid webhook: ${JSON.stringify(check)}`);
      const webhook = state.webhooks.create(company.domain, owner?.id ?? null, check.settings, state.nowSec(), privateKey);
      return { id: webhook.id, privateKey: webhook.privateKey };
    },
    webhookDeliveries: () => state.dispatcher.log(),
    webhooksSettled: () => state.dispatcher.settled(),

    setFaults: (partial) => {
      state.faults.set(partial);
    },
    clearFaults: () => state.faults.clear(),
    faults: () => state.faults.current,

    truth: (domain) => buildTruth(data(domain), state.today),
    counts: (domain) => truthCounts(data(domain), state.today),
    requestLog: () => state.log.snapshot(),
    clearRequestLog: () => state.log.clear(),
    reset: () => state.reset(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        state.dispatcher.stop();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
  return sim;
}
