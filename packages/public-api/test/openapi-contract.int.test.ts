import { compileErrors, validate } from "@readme/openapi-parser";
import { bamboohr } from "@roster/connector-bamboohr";
import { zenefits } from "@roster/connector-zenefits";
import type { OpenAPIV3_1 } from "openapi-types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPlatformKey, openApiDocument } from "../src/index";
import { responseValidator } from "./helpers/openapi-validator";
import { startWorld, type World } from "./helpers/world";

// The served OpenAPI document is valid OpenAPI 3.1, and every operation's live answers (real
// HTTP, a directory synced from the Zenefits simulator) match it, errors included.
let world: World;
let document: OpenAPIV3_1.Document;
let checker: Awaited<ReturnType<typeof responseValidator>>;
let key: string;

beforeAll(async () => {
  world = await startWorld();
  const served = await fetch(`${world.api.url}/api/v1/openapi.json`);
  document = (await served.json()) as OpenAPIV3_1.Document;
  checker = await responseValidator(document);
  key = await world.keyFor(world.a.organisationId, ["directory:read", "sensitive:read", "connections:read", "webhooks:manage"]);
  // A hire transfer, so that list and get of hire-transfers return a record.
  await world.database.db
    .insertInto("hire_transfers")
    .values({
      organisation_id: world.a.organisationId,
      connection_id: world.a.id,
      opportunity_id: "opp-1",
      candidate_name: "Ada Hire",
      stage: "hired",
      trigger: "webhook",
      status: "succeeded",
      attempts: 1,
      summary: JSON.stringify({ jobTitle: "Engineer" }),
      hris_record_id: "z-1",
      succeeded_at: new Date(),
    })
    .execute();
});
afterAll(async () => world?.close());

/** One call, checked against the document; returns the parsed body. */
async function call(method: string, template: string, path: string, options: { body?: unknown; key?: string | null } = {}) {
  const used = options.key === undefined ? key : options.key;
  const response = await fetch(`${world.api.url}/api/v1${path}`, {
    method,
    headers: {
      ...(used ? { authorization: `Bearer ${used}` } : {}),
      ...(options.body ? { "content-type": "application/json" } : {}),
    },
    body: options.body ? JSON.stringify(options.body) : null,
  });
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  // Every response, error or not, names its request.
  expect(response.headers.get("x-request-id")).toMatch(/^req_/);
  checker.check(method, template, response.status, response.headers.get("content-type"), body);
  return { status: response.status, body, headers: response.headers };
}

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1 (checked by @readme/openapi-parser)", async () => {
    const result = await validate(structuredClone(document) as never);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
    expect(document.openapi).toBe("3.1.0");
  });

  it("is the one generated from the routes' zod schemas, and documents every event as a webhook", () => {
    expect(document).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
    expect(Object.keys(document.webhooks ?? {})).toEqual(expect.arrayContaining(["employee.updated", "connection.created"]));
    expect(Object.keys(document.components?.schemas ?? {})).toContain("ConnectionCreatedEventData");
    expect(Object.keys(document.components?.schemas ?? {})).toEqual(
      expect.arrayContaining(["Employee", "Problem", "WebhookEndpoint"]),
    );
  });
});

describe("live responses match the document", () => {
  const listPaths = [
    "employees",
    "employments",
    "departments",
    "locations",
    "custom-fields",
    "connections",
    "sync-runs",
    "hire-transfers",
  ];

  it.each(listPaths)("GET /%s, list and by id", async (path) => {
    const list = await call("GET", `/${path}`, `/${path}?page_size=3`);
    expect(list.status).toBe(200);
    expect(list.body.data.length).toBeGreaterThan(0);
    const one = await call("GET", `/${path}/{id}`, `/${path}/${list.body.data[0].id}`);
    expect(one.body).toEqual(list.body.data[0]);
  });

  it("employees with every option: expansions, remote data, deleted people, sensitive fields", async () => {
    const full = await call(
      "GET",
      "/employees",
      "/employees?page_size=20&expand=manager,department,location&include_remote_data=true&include_deleted=true",
    );
    const person = full.body.data.find((p: { manager_id: string | null }) => p.manager_id !== null);
    expect(person.manager.id).toBe(person.manager_id);
    expect(person.remote_data).toBeTypeOf("object");
    expect(Array.isArray(person.custom_fields)).toBe(true);
    expect("personal_email" in person).toBe(true);
    const one = await call("GET", "/employees/{id}", `/employees/${person.id}?expand=department`);
    expect(one.body.department?.id ?? null).toBe(person.department_id);
  });

  it("webhook endpoints: create (secret once), list, get, change, delete", async () => {
    const created = await call("POST", "/webhook-endpoints", "/webhook-endpoints", {
      body: { url: "https://hooks.example.test/roster", events: ["employee.updated", "sync.succeeded"] },
    });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_/);
    const listed = await call("GET", "/webhook-endpoints", "/webhook-endpoints");
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
    const fetched = await call("GET", "/webhook-endpoints/{id}", `/webhook-endpoints/${created.body.id}`);
    expect(fetched.body.secret).toBeUndefined();
    const changed = await call("PATCH", "/webhook-endpoints/{id}", `/webhook-endpoints/${created.body.id}`, {
      body: { enabled: false },
    });
    expect(changed.body.enabled).toBe(false);
    expect((await call("DELETE", "/webhook-endpoints/{id}", `/webhook-endpoints/${created.body.id}`)).status).toBe(204);
    expect((await call("GET", "/webhook-endpoints/{id}", `/webhook-endpoints/${created.body.id}`)).status).toBe(404);
  });

  it("errors are problem details in the documented shape", async () => {
    const noKey = await call("GET", "/employees", "/employees", { key: null });
    expect(noKey).toMatchObject({ status: 401, body: { status: 401, type: expect.stringContaining("unauthorized") } });
    expect(noKey.headers.get("content-type")).toBe("application/problem+json");
    expect(noKey.body.request_id).toBe(noKey.headers.get("x-request-id"));
    const bad = await call("GET", "/employees", "/employees?page_size=501&status=asleep");
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { parameter: string }) => e.parameter).sort()).toEqual(["page_size", "status"]);
    expect((await call("GET", "/employees", "/employees?cursor=not-ours")).status).toBe(400);
    expect((await call("GET", "/employees", "/employees?expand=salary")).status).toBe(400);
    const missing = await call("GET", "/employees/{id}", "/employees/00000000-0000-4000-8000-000000000000");
    expect(missing.status).toBe(404);
    const narrow = await world.keyFor(world.a.organisationId, ["connections:read"]);
    expect((await call("GET", "/employees", "/employees", { key: narrow })).body.required_scope).toBe("directory:read");
  });

  it("organisation provisioning with a platform key: create, list, get, owner invite, deactivate, reactivate", async () => {
    world.deps.publicUrl = "https://roster.example.test";
    const platform = (await createPlatformKey(world.database.db, { name: "contract" })).key;
    const body = { name: "Contract Co", external_ref: "contract-1" };
    const created = await call("POST", "/organisations", "/organisations", { body, key: platform });
    expect(created.status).toBe(201);
    expect((await call("POST", "/organisations", "/organisations", { body, key: platform })).status).toBe(200);
    const id = created.body.id;
    expect(
      (await call("GET", "/organisations", "/organisations?external_ref=contract-1", { key: platform })).body.data,
    ).toHaveLength(1);
    expect((await call("GET", "/organisations/{id}", `/organisations/${id}`, { key: platform })).body.id).toBe(id);
    const invite = await call("POST", "/organisations/{id}/owner-invites", `/organisations/${id}/owner-invites`, {
      body: { email: "owner@contract.test" },
      key: platform,
    });
    expect(invite.status).toBe(201);
    expect((await call("DELETE", "/organisations/{id}", `/organisations/${id}`, { key: platform })).status).toBe(202);
    for (const action of ["deactivate", "reactivate"]) {
      expect(
        (await call("POST", `/organisations/{id}/${action}`, `/organisations/${id}/${action}`, { key: platform })).status,
      ).toBe(200);
    }
    expect((await call("GET", "/organisations", "/organisations")).status).toBe(403);
  });

  it("connect links: create one for the organisation", async () => {
    world.deps.publicUrl = "https://roster.example.test";
    world.deps.connections = { db: world.database.db, connectors: [zenefits], encryptionKey: world.encryptionKey };
    const manage = await world.keyFor(world.a.organisationId, ["connections:manage"]);
    const link = await call("POST", "/connect-links", "/connect-links", {
      body: { connector_id: "zenefits", return_url: "https://app.example.test/back" },
      key: manage,
    });
    expect(link.status).toBe(201);
    const unknown = await call("POST", "/connect-links", "/connect-links", {
      body: { connector_id: "workday", return_url: "https://app.example.test/back" },
      key: manage,
    });
    expect(unknown.status).toBe(400);
    world.deps.connections = { ...world.deps.connections, connectors: [zenefits, bamboohr] };
    const choice = await call("POST", "/connect-links", "/connect-links", {
      body: { connector_ids: ["bamboohr", "zenefits"], return_url: "https://app.example.test/back" },
      key: manage,
    });
    expect(choice.status).toBe(201);
    expect(choice.body).toMatchObject({ connector_id: null, connector_ids: ["bamboohr", "zenefits"] });
  });

  it("every documented operation was seen answering successfully", () => {
    expect(checker.operations().filter((op) => !checker.seen.has(op))).toEqual([]);
  });
});

describe("the reference page", () => {
  it("serves Swagger UI over the document, with its files from the package (no CDN)", async () => {
    const page = await fetch(`${world.api.url}/api/docs`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain("/api/docs/swagger-ui-bundle.js");
    expect(html).not.toMatch(/https?:\/\//);
    const bundle = await fetch(`${world.api.url}/api/docs/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
    expect((await bundle.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
    expect((await fetch(`${world.api.url}/api/docs/init.js`)).status).toBe(200);
  });
});
