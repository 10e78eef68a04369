import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { type BambooHrSim, startBambooHrSim } from "@roster/sim-bamboohr";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { bamboohr, bamboohrStreams, signBambooHrWebhook } from "../src/index";
import { contextFor, credentialsFor } from "./harness";

interface Delivery {
  headers: Record<string, string | undefined>;
  body: string;
}

/** A local receiver standing in for Roster's webhook route: keeps each raw delivery, answers `statusFor(n)`. */
async function startReceiver() {
  const received: Delivery[] = [];
  let statusFor = (_n: number) => 200;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const n = received.length;
      received.push({ headers: flat(req.headers), body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(statusFor(n)).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/bamboohr`,
    received,
    answer(fn: (n: number) => number) {
      statusFor = fn;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const flat = (headers: IncomingHttpHeaders) =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : v]));

/** The instant a delivery was signed: what a receiver's clock reads when it arrives. */
const signedAt = (delivery: Delivery, plusSeconds = 0) =>
  new Date((Number(delivery.headers["x-bamboohr-timestamp"]) + plusSeconds) * 1000);

const webhook = bamboohr.webhook!;
let sim: BambooHrSim;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  sim = await startBambooHrSim({ employees: 40, seed: 13, webhookRetryDelaysMs: [20, 40, 80, 160, 320] });
  receiver = await startReceiver();
});
afterEach(() => {
  receiver.received.length = 0;
  receiver.answer(() => 200);
  sim.reset();
});
afterAll(async () => {
  await sim?.close();
  await receiver?.close();
});

async function deliveriesOf(change: () => void, count: number): Promise<Delivery[]> {
  change();
  await sim.webhooksSettled();
  expect(receiver.received).toHaveLength(count);
  return [...receiver.received];
}

describe("webhook deliveries from the simulator", () => {
  it("a signed update verifies and parses to a re-read of that employee, which then shows the change", async () => {
    // Tried: a real signed delivery over HTTP. Must hold: verify ok, one event whose effect names the employee,
    // and reading the named records gives the new value.
    const { privateKey } = sim.createWebhook({ url: receiver.url });
    const id = sim.truth().employees[5]!.id;
    const [delivery] = await deliveriesOf(() => sim.updateEmployee(id, { workEmail: "moved@acme.example" }), 1);
    expect(
      webhook.verify({ body: delivery!.body, headers: delivery!.headers, secret: privateKey, now: signedAt(delivery!, 2) }),
    ).toEqual({
      ok: true,
    });
    const events = webhook.parse(delivery!.body);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: "employee.updated",
      remoteId: id,
      effect: { kind: "records_changed", stream: "employees", remoteIds: [id] },
    });
    expect(events[0]!.id).toMatch(/^bamboohr:[0-9a-f]{40}$/);
    const effect = events[0]!.effect;
    if (effect?.kind !== "records_changed") throw new Error("no records_changed effect");
    const records: Parameters<typeof bamboohrStreams.employees.map>[0][] = [];
    for await (const page of bamboohrStreams.employees.readRecords!(contextFor(sim), effect.remoteIds))
      records.push(...page.records);
    expect(records).toHaveLength(1);
    const mapped = bamboohrStreams.employees.map(records[0]!);
    expect(mapped.ok && mapped.value.workEmail).toBe("moved@acme.example");
  });

  it("a create fires created then updated (two distinct events); a delete parses to a re-read that reports it gone", async () => {
    const { privateKey } = sim.createWebhook({ url: receiver.url });
    let id = "";
    const created = await deliveriesOf(() => {
      id = sim.createEmployee({ firstName: "Aoife", lastName: "Ní Bhriain" });
    }, 2);
    const events = created.flatMap((d) => {
      expect(webhook.verify({ body: d.body, headers: d.headers, secret: privateKey, now: signedAt(d) })).toEqual({ ok: true });
      return webhook.parse(d.body);
    });
    expect(events.map((e) => e.type).sort()).toEqual(["employee.created", "employee.updated"]);
    expect(new Set(events.map((e) => e.id)).size).toBe(2);
    receiver.received.length = 0;
    const [deleted] = await deliveriesOf(() => sim.deleteEmployee(id), 1);
    const [event] = webhook.parse(deleted!.body);
    expect(event).toMatchObject({ type: "employee.deleted", effect: { remoteIds: [id] } });
    const gone: string[] = [];
    for await (const page of bamboohrStreams.employees.readRecords!(contextFor(sim), [id])) gone.push(...(page.deleted ?? []));
    expect(gone).toEqual([id]);
  });

  it("legacy field-based and form-encoded deliveries verify and parse to the same effect", async () => {
    const legacy = sim.createWebhook({
      url: receiver.url,
      events: ["employee_with_fields.updated"],
      monitorFields: ["jobTitle"],
    });
    const form = sim.createWebhook({ url: receiver.url, format: "form-encoded" });
    const id = sim.truth().employees[7]!.id;
    const deliveries = await deliveriesOf(() => sim.addJobInfo(id, { jobTitle: "Staff Engineer" }), 2);
    for (const delivery of deliveries) {
      const isForm = delivery.headers["content-type"]?.includes("form") ?? false;
      const secret = isForm ? form.privateKey : legacy.privateKey;
      expect(webhook.verify({ body: delivery.body, headers: delivery.headers, secret, now: signedAt(delivery) })).toEqual({
        ok: true,
      });
      const [event] = webhook.parse(delivery.body);
      expect(event?.effect).toEqual({ kind: "records_changed", stream: "employees", remoteIds: [id] });
      expect(event?.type).toBe(isForm ? "employee.updated" : "employee_with_fields.updated");
    }
  });

  it("a retried delivery (5xx first) is re-signed with a fresh timestamp, verifies, and parses to the same event id", async () => {
    // Must hold: the receiver can refuse the retry as a replay of an event it already handled, by id.
    receiver.answer((n) => (n === 0 ? 503 : 200));
    const { privateKey } = sim.createWebhook({ url: receiver.url });
    const id = sim.truth().employees[9]!.id;
    sim.updateEmployee(id, { mobilePhone: "801-555-0199" });
    for (let i = 0; i < 100 && receiver.received.length < 2; i++) {
      await sim.webhooksSettled();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const [first, retry] = receiver.received;
    expect(retry?.body).toBe(first?.body);
    for (const d of [first!, retry!]) {
      expect(webhook.verify({ body: d.body, headers: d.headers, secret: privateKey, now: signedAt(d) })).toEqual({ ok: true });
    }
    expect(webhook.parse(retry!.body)[0]!.id).toBe(webhook.parse(first!.body)[0]!.id);
  });
});

describe("refused deliveries", () => {
  async function oneDelivery() {
    const { privateKey } = sim.createWebhook({ url: receiver.url });
    const [delivery] = await deliveriesOf(
      () => sim.updateEmployee(sim.truth().employees[3]!.id, { workPhone: "801-555-0101" }),
      1,
    );
    return { privateKey, delivery: delivery! };
  }

  it("a forged signature (another key) is refused, saying so", async () => {
    const { delivery } = await oneDelivery();
    const result = webhook.verify({
      body: delivery.body,
      headers: delivery.headers,
      secret: "f".repeat(64),
      now: signedAt(delivery),
    });
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/signature does not match/) });
  });

  it("a tampered body (another employee id) is refused", async () => {
    const { privateKey, delivery } = await oneDelivery();
    const body = delivery.body.replace(/"employeeId":"(\d+)"/, '"employeeId":"1$1"');
    expect(body).not.toBe(delivery.body);
    const result = webhook.verify({ body, headers: delivery.headers, secret: privateKey, now: signedAt(delivery) });
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/signature does not match/) });
  });

  it("a stale delivery (replayed ten minutes later) and one from the future are refused, even correctly signed", async () => {
    const { privateKey, delivery } = await oneDelivery();
    const late = webhook.verify({
      body: delivery.body,
      headers: delivery.headers,
      secret: privateKey,
      now: signedAt(delivery, 600),
    });
    expect(late).toEqual({ ok: false, reason: expect.stringMatching(/stale delivery: signed 600 s ago/) });
    const early = webhook.verify({
      body: delivery.body,
      headers: delivery.headers,
      secret: privateKey,
      now: signedAt(delivery, -120),
    });
    expect(early).toEqual({ ok: false, reason: expect.stringMatching(/in the future/) });
  });

  it("a replay with a new timestamp but the old signature is refused (the timestamp is signed)", async () => {
    const { privateKey, delivery } = await oneDelivery();
    const timestamp = String(Number(delivery.headers["x-bamboohr-timestamp"]) + 900);
    const headers = { ...delivery.headers, "x-bamboohr-timestamp": timestamp };
    const result = webhook.verify({ body: delivery.body, headers, secret: privateKey, now: signedAt({ ...delivery, headers }) });
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/signature/) });
  });

  it("an unsigned delivery is refused; header names are matched whatever their case", async () => {
    const body = '{"type":"employee.updated","timestamp":"2026-01-31T18:42:00+0000","data":{"employeeId":"4"}}';
    expect(webhook.verify({ body, headers: {}, secret: "k", now: new Date(0) })).toEqual({
      ok: false,
      reason: expect.stringMatching(/unsigned/),
    });
    const timestamp = "1769885000";
    const headers = { "X-BambooHR-Timestamp": timestamp, "X-BambooHR-Signature": signBambooHrWebhook("k", body, timestamp) };
    expect(webhook.verify({ body, headers, secret: "k", now: new Date(Number(timestamp) * 1000) })).toEqual({ ok: true });
  });
});

describe("the webhook's secret", () => {
  it("is the connection's webhook private key, or null (every delivery then refused)", () => {
    expect(webhook.secret({ ...credentialsFor(sim), webhookPrivateKey: "abc" })).toBe("abc");
    expect(webhook.secret(credentialsFor(sim))).toBeNull();
  });

  it("company events are acknowledged without an effect; unknown bodies give no events", () => {
    const events = webhook.parse({ type: "company.updated", timestamp: "2026-01-31T18:42:00+0000", data: { companyId: "12" } });
    expect(events).toHaveLength(1);
    expect(events[0]!.effect).toBeUndefined();
    expect(webhook.parse("not json, not a form")).toEqual([]);
  });
});
