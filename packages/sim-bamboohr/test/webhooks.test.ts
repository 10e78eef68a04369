import { createHmac } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type BambooHrSim, FIXTURE, startBambooHrSim } from "../src/index";
import { call, fixtureEmployee, type ReceivedWebhook, readJson, startReceiver, waitFor } from "./helpers";

/** The receiver's check, written from the reference alone: hex(HMAC-SHA256(privateKey, rawBody + timestamp)). */
function verify(delivery: ReceivedWebhook, privateKey: string): boolean {
  const timestamp = delivery.headers["x-bamboohr-timestamp"] as string;
  const expected = createHmac("sha256", privateKey)
    .update(delivery.raw + timestamp)
    .digest("hex");
  return delivery.headers["x-bamboohr-signature"] === expected;
}

describe("webhooks", () => {
  let sim: BambooHrSim;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let statusFor: (n: number) => number = () => 200;
  beforeAll(async () => {
    sim = await startBambooHrSim({ seed: 17, webhookRetryDelaysMs: [20, 40, 60, 80, 100] });
    receiver = await startReceiver((n) => statusFor(n));
  });
  afterEach(() => {
    statusFor = () => 200;
    receiver.received.length = 0;
    sim.reset();
  });
  afterAll(async () => {
    await sim.close();
    await receiver.close();
  });

  const createViaApi = async (body: Record<string, unknown>, key = sim.apiKey) => {
    const response = await call(sim, "/v1/webhooks", {
      key,
      method: "POST",
      contentType: "application/json",
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await readJson(response) };
  };
  const events = () => receiver.received.map((r) => JSON.parse(r.raw));
  const hr = () => fixtureEmployee(sim, FIXTURE.hrAdmin).id;

  it("creates a webhook through the API, shows its privateKey only once and keeps it to its owner", async () => {
    const created = await createViaApi({
      name: "HRIS sync",
      url: receiver.url,
      format: "json",
      events: ["employee.created", "employee.updated", "employee.deleted"],
      monitorFields: ["firstName", "workEmail", "department"],
      includeCompanyDomain: true,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.any(String), name: "HRIS sync", lastSent: null, format: "json" });
    expect(created.body.privateKey).toMatch(/^[0-9a-f]{64}$/);
    const fetched = await readJson(await call(sim, `/v1/webhooks/${created.body.id}`, { accept: "application/json" }));
    expect(fetched.monitorFields).toEqual(["firstName", "workEmail", "department"]);
    expect("privateKey" in fetched).toBe(false);
    const list = await readJson(await call(sim, "/v1/webhooks"));
    expect(list.webhooks.map((w: { id: string }) => w.id)).toEqual([created.body.id]);
    expect((await call(sim, `/v1/webhooks/${created.body.id}`, { key: sim.restrictedApiKey })).status).toBe(403);
    expect((await readJson(await call(sim, "/v1/webhooks", { key: sim.restrictedApiKey }))).webhooks).toEqual([]);
  });

  it("refuses invalid bodies with 400 and the issues", async () => {
    const cases: Record<string, unknown>[] = [
      { name: "x", url: "http://example.com/hook", format: "json", events: ["employee.deleted"] },
      { name: "x", url: receiver.url, events: ["employee.deleted"] },
      { name: "x", url: receiver.url, format: "json", events: ["employee.updated"] },
      { name: "x", url: receiver.url, format: "json", events: ["employee.deleted", "employee_with_fields.deleted"] },
      { name: "x", url: receiver.url, format: "json" },
    ];
    for (const body of cases) {
      const result = await createViaApi(body);
      expect(result.status).toBe(400);
      expect(result.body.errors[0].error).toBe("Invalid request body");
      expect(result.body.errors[0].issues.length).toBeGreaterThan(0);
    }
  });

  it("signs each delivery: X-BambooHR-Signature = hex HMAC-SHA256(privateKey, raw body + X-BambooHR-Timestamp)", async () => {
    const { body } = await createViaApi({
      name: "sync",
      url: receiver.url,
      format: "json",
      events: ["employee.updated"],
      monitorFields: ["workEmail"],
      includeCompanyDomain: true,
    });
    sim.updateEmployee(hr(), { workEmail: "charlotte@new.example" });
    await sim.webhooksSettled();
    expect(receiver.received).toHaveLength(1);
    const [delivery] = receiver.received as [ReceivedWebhook];
    expect(delivery.headers["x-bamboohr-timestamp"]).toMatch(/^\d{10}$/);
    expect(delivery.headers["content-type"]).toBe("application/json");
    expect(delivery.headers["company-domain"]).toBe("acme");
    expect(verify(delivery, body.privateKey)).toBe(true);
    expect(verify(delivery, "0".repeat(64))).toBe(false);
    expect(JSON.parse(delivery.raw)).toEqual({
      type: "employee.updated",
      timestamp: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0000$/),
      // bestEmail changed too, but only monitored fields are reported.
      data: { companyId: "12345", employeeId: hr(), changedFields: ["workEmail"] },
    });
  });

  it("PUT /__admin/webhook keeps one sandbox webhook, signed with the key given, re-pointed by each PUT", async () => {
    // Tried: point the sandbox webhook at a dead URL, then re-point it at the receiver with a known key, then change someone.
    // Must hold: one webhook is left, every delivery reaches the receiver only, signed with the key the PUT gave.
    const put = (body: unknown) =>
      fetch(`${sim.adminUrl}/webhook`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    expect((await put({ url: "http://127.0.0.1:9/nowhere", privateKey: "first-key" })).status).toBe(200);
    expect((await put({ url: receiver.url, privateKey: "sandbox-key" })).status).toBe(200);
    expect((await put({ url: receiver.url })).status).toBe(400);
    const listed = (await (await fetch(`${sim.adminUrl}/webhooks`)).json()) as { webhooks: { url: string }[] };
    expect(listed.webhooks.map((w) => w.url)).toEqual([receiver.url]);
    sim.updateEmployee(hr(), { workEmail: "charlotte@sandbox.example" });
    await sim.webhooksSettled();
    expect(receiver.received).toHaveLength(1);
    expect(verify(receiver.received[0]!, "sandbox-key")).toBe(true);
    expect(sim.webhookDeliveries().every((d) => d.url === receiver.url)).toBe(true);
  });

  it("fires updated only for monitored fields; a create fires created then updated; a delete fires deleted", async () => {
    sim.createWebhook({ url: receiver.url, monitorFields: ["firstName", "department"] });
    sim.updateEmployee(hr(), { mobilePhone: "(801) 555-1111" });
    await sim.webhooksSettled();
    expect(receiver.received).toHaveLength(0);
    const created = await call(sim, "/v1/employees", {
      method: "POST",
      contentType: "application/json",
      body: JSON.stringify({ firstName: "Panda", lastName: "Bear", department: "Engineering", workEmail: "panda@acme.example" }),
    });
    expect(created.status).toBe(201);
    const id = created.headers.get("location")?.split("/").at(-1) as string;
    sim.deleteEmployee(id);
    await sim.webhooksSettled();
    await waitFor(() => receiver.received.length === 3);
    expect(events().map((e) => [e.type, e.data.employeeId, e.data.changedFields])).toEqual([
      ["employee.created", id, undefined],
      ["employee.updated", id, ["firstName", "department"]],
      ["employee.deleted", id, undefined],
    ]);
  });

  it("retries a receiver's 500 with backoff, resending the same body with a fresh signature, until a 2xx", async () => {
    const { privateKey } = sim.createWebhook({ url: receiver.url, monitorFields: ["firstName"], events: ["employee.updated"] });
    statusFor = (n) => (n < 2 ? 500 : 200);
    sim.updateEmployee(hr(), { firstName: "Charlie" });
    await waitFor(() => receiver.received.length === 3);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((r) => r.raw)).size).toBe(1);
    for (const delivery of receiver.received) expect(verify(delivery, privateKey)).toBe(true);
    const [entry] = sim.webhookDeliveries();
    expect(entry).toMatchObject({ attempts: 3, statuses: [500, 500, 200], done: true, delivered: true });
  });

  it("does not retry a 4xx, and gives up after five retries of a persistent 5xx", async () => {
    sim.createWebhook({ url: receiver.url, monitorFields: ["firstName"], events: ["employee.updated"] });
    statusFor = () => 410;
    sim.updateEmployee(hr(), { firstName: "Lotte" });
    await sim.webhooksSettled();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver.received).toHaveLength(1);
    statusFor = () => 503;
    sim.updateEmployee(hr(), { firstName: "Lottie" });
    await waitFor(() => sim.webhookDeliveries()[1]?.done === true);
    expect(sim.webhookDeliveries()[1]).toMatchObject({ attempts: 6, delivered: false, statuses: Array(6).fill(503) });
    expect(sim.webhookDeliveries()[0]).toMatchObject({ attempts: 1, statuses: [410], done: true, delivered: false });
  });

  it("sends form-encoded bodies and legacy field-based payloads with the posted fields' values", async () => {
    sim.createWebhook({ url: receiver.url, format: "form-encoded", monitorFields: ["firstName"], events: ["employee.updated"] });
    const legacy = await createViaApi({
      name: "legacy",
      url: receiver.url,
      format: "json",
      monitorFields: ["firstName"],
      postFields: { firstName: "First Name", department: "Department" },
    });
    expect(legacy.body.events).toEqual([
      "employee_with_fields.created",
      "employee_with_fields.updated",
      "employee_with_fields.deleted",
    ]);
    sim.updateEmployee(hr(), { firstName: "Carla" });
    await sim.webhooksSettled();
    const form = receiver.received.find((r) => r.headers["content-type"] === "application/x-www-form-urlencoded");
    expect(form?.raw).toContain("type=employee.updated");
    expect(form?.raw).toContain(`data[employeeId]=${hr()}`);
    expect(form?.raw).toContain("data[changedFields][0]=firstName");
    const json = receiver.received.find((r) => r.headers["content-type"] === "application/json");
    expect(JSON.parse(json?.raw ?? "{}")).toEqual({
      employees: [
        {
          id: hr(),
          action: "Updated",
          timestamp: expect.any(String),
          changedFields: ["First Name"],
          fields: { "First Name": "Carla", Department: "Human Resources" },
        },
      ],
    });
    expect(verify(json as ReceivedWebhook, legacy.body.privateKey)).toBe(true);
  });

  it("stops telling a permissioned webhook's owner about fields they can no longer see, and stops for a disabled owner", async () => {
    const { userId, key } = sim.createApiKey();
    const created = await createViaApi(
      {
        name: "pay",
        url: receiver.url,
        format: "json",
        events: ["employee.updated", "employee.deleted"],
        monitorFields: ["payRate"],
      },
      key,
    );
    expect(created.status).toBe(201);
    sim.setAccess(userId, { hiddenGroups: ["compensation"] });
    sim.addCompensation(hr(), { rate: "150000" });
    const leaver = fixtureEmployee(sim, FIXTURE.ceo + 30).id;
    sim.deleteEmployee(leaver);
    await sim.webhooksSettled();
    expect(events().map((e) => e.type)).toEqual(["employee.deleted"]);
    sim.setUserStatus(userId, "disabled");
    sim.deleteEmployee(fixtureEmployee(sim, FIXTURE.ceo + 31).id);
    await sim.webhooksSettled();
    expect(receiver.received).toHaveLength(1);
  });
});
