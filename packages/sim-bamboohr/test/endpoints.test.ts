import { beforeAll, describe, expect, it } from "vitest";
import { API_ROUTES } from "../src/api/routes";
import { FIXTURE } from "../src/index";
import { call, fixtureEmployee, useSim } from "./helpers";

const JSON_TYPE = /^application\/json/;
const XML_TYPE = /^text\/xml; charset=UTF-8$/;
const SINCE = "since=2024-01-01T00%3A00%3A00Z";

interface Case {
  /** The route pattern it exercises, as API_ROUTES names it. */
  route: string;
  path: string;
  method?: string;
  accept?: string;
  contentType?: string;
  body?: string;
  status: number;
  type: RegExp | null;
}

describe("every endpoint the simulator serves: status and content type", () => {
  const sim = useSim({ seed: 29 });
  let id = "";
  let webhookId = "";
  beforeAll(async () => {
    id = fixtureEmployee(sim(), FIXTURE.hrAdmin).id;
    webhookId = (
      (await (
        await call(sim(), "/v1/webhooks", {
          method: "POST",
          contentType: "application/json",
          body: JSON.stringify({ name: "t", url: "https://example.com/h", format: "json", events: ["employee.deleted"] }),
        })
      ).json()) as { id: string }
    ).id;
  });

  const cases = (): Case[] => {
    const classic = (route: string, path: string): Case[] => [
      { route, path, status: 200, type: XML_TYPE },
      { route, path, accept: "application/json", status: 200, type: JSON_TYPE },
    ];
    const reportBody = JSON.stringify({ fields: ["firstName"] });
    return [
      ...classic("GET /v1/employees/directory", "/v1/employees/directory"),
      ...classic("GET /v1/employees/changed", `/v1/employees/changed?${SINCE}`),
      ...classic("GET /v1/employees/changed/tables/:table", `/v1/employees/changed/tables/jobInfo?${SINCE}`),
      ...classic("GET /v1/employees/:id/tables/:table", `/v1/employees/${id}/tables/compensation`),
      ...classic("GET /v1/employees/:id/tables/:table", "/v1/employees/all/tables/employmentStatus"),
      ...classic("GET /v1/employees/:id", `/v1/employees/${id}?fields=firstName`),
      ...classic("GET /v1/meta/fields", "/v1/meta/fields"),
      ...classic("GET /v1/meta/lists", "/v1/meta/lists"),
      ...classic("GET /v1/meta/tables", "/v1/meta/tables"),
      ...classic("GET /v1/meta/users", "/v1/meta/users"),
      {
        route: "POST /v1/reports/custom",
        path: "/v1/reports/custom?format=json",
        method: "POST",
        contentType: "application/json",
        body: reportBody,
        status: 200,
        type: JSON_TYPE,
      },
      {
        route: "POST /v1/reports/custom",
        path: "/v1/reports/custom?format=xml",
        method: "POST",
        contentType: "application/json",
        body: reportBody,
        status: 200,
        type: XML_TYPE,
      },
      {
        route: "POST /v1/reports/custom",
        path: "/v1/reports/custom?format=csv",
        method: "POST",
        contentType: "application/json",
        body: reportBody,
        status: 200,
        type: /^text\/csv/,
      },
      {
        route: "POST /v1/employees",
        path: "/v1/employees",
        method: "POST",
        contentType: "application/json",
        body: JSON.stringify({ firstName: "Table", lastName: "Driven" }),
        status: 201,
        type: null,
      },
      {
        route: "POST /v1/employees/:id",
        path: `/v1/employees/${id}`,
        method: "POST",
        contentType: "application/json",
        body: JSON.stringify({ mobilePhone: "555.000.0000" }),
        status: 200,
        type: null,
      },
      { route: "GET /v1/webhooks/monitor_fields", path: "/v1/webhooks/monitor_fields", status: 200, type: JSON_TYPE },
      { route: "GET /v1/webhooks/post-fields", path: "/v1/webhooks/post-fields", status: 200, type: JSON_TYPE },
      { route: "GET /v1/webhooks", path: "/v1/webhooks", status: 200, type: JSON_TYPE },
      {
        route: "POST /v1/webhooks",
        path: "/v1/webhooks",
        method: "POST",
        contentType: "application/json",
        body: JSON.stringify({ name: "n", url: "https://example.com/x", format: "form-encoded", events: ["employee.created"] }),
        status: 201,
        type: JSON_TYPE,
      },
      { route: "GET /v1/webhooks/:id/log", path: `/v1/webhooks/${webhookId}/log`, status: 200, type: JSON_TYPE },
      { route: "GET /v1/webhooks/:id", path: `/v1/webhooks/${webhookId}`, status: 200, type: JSON_TYPE },
      {
        route: "PUT /v1/webhooks/:id",
        path: `/v1/webhooks/${webhookId}`,
        method: "PUT",
        contentType: "application/json",
        body: JSON.stringify({ name: "renamed", url: "https://example.com/h2", format: "json", events: ["employee.deleted"] }),
        status: 200,
        type: JSON_TYPE,
      },
      { route: "DELETE /v1/webhooks/:id", path: `/v1/webhooks/${webhookId}`, method: "DELETE", status: 200, type: null },
    ];
  };

  it("has a case for every route", () => {
    const covered = new Set(cases().map((c) => c.route));
    expect(API_ROUTES.map((r) => `${r.method} ${r.path}`).filter((route) => !covered.has(route))).toEqual([]);
  });

  it("answers each case with its status and content type, and an x-request-id", async () => {
    for (const c of cases()) {
      const response = await call(sim(), c.path, {
        ...(c.method ? { method: c.method } : {}),
        ...(c.accept ? { accept: c.accept } : {}),
        ...(c.contentType ? { contentType: c.contentType } : {}),
        ...(c.body ? { body: c.body } : {}),
      });
      const label = `${c.method ?? "GET"} ${c.path} (${c.accept ?? "no Accept"})`;
      expect(response.status, label).toBe(c.status);
      if (c.type === null) expect(response.headers.get("content-type"), label).toBeNull();
      else expect(response.headers.get("content-type"), label).toMatch(c.type);
      expect(response.headers.get("x-request-id"), label).toBeTruthy();
      await response.arrayBuffer();
    }
  });

  it("answers every route 401 without a key, before anything else", async () => {
    for (const c of cases()) {
      const response = await call(sim(), c.path, { key: null, ...(c.method ? { method: c.method } : {}) });
      expect(response.status, c.path).toBe(401);
      await response.arrayBuffer();
    }
  });
});
