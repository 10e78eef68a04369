import { describe, expect, it } from "vitest";
import { call, parseXml, readJson, useSim, xmlFieldMap } from "./helpers";

const REPORT = JSON.stringify({ title: "People", fields: ["firstName", "lastName"] });

describe("content negotiation: XML unless Accept asks for JSON", () => {
  const sim = useSim();

  it("answers classic endpoints in XML without an Accept header, with */* and with text/xml", async () => {
    for (const accept of [undefined, "*/*", "text/xml", "application/xml"]) {
      const response = await call(sim(), "/v1/employees/0?fields=firstName", { ...(accept ? { accept } : {}) });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/xml; charset=UTF-8");
      const document = parseXml(await response.text());
      expect(document.employee[0]["@_id"]).toMatch(/^\d+$/);
      expect(xmlFieldMap(document.employee[0].field).firstName).toBe("Charlotte");
    }
  });

  it("answers JSON when Accept names application/json, alone or in a list", async () => {
    for (const accept of ["application/json", "application/json, text/plain, */*", "text/plain;q=0.5, application/json;q=0.9"]) {
      const response = await call(sim(), "/v1/employees/0?fields=firstName", { accept });
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      expect(await response.json()).toMatchObject({ firstName: "Charlotte" });
    }
  });

  it("lets meta/lists choose JSON with ?format=json", async () => {
    const response = await call(sim(), "/v1/meta/lists?format=json");
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(Array.isArray(await response.json())).toBe(true);
  });

  it("picks the custom report's format from ?format= (any case), else from an exact Accept, else 404", async () => {
    const post = (query: string, accept?: string) =>
      call(sim(), `/v1/reports/custom${query}`, {
        method: "POST",
        contentType: "application/json",
        body: REPORT,
        ...(accept ? { accept } : {}),
      });
    expect((await post("?format=JSON")).headers.get("content-type")).toMatch(/^application\/json/);
    expect((await post("?format=xml")).headers.get("content-type")).toBe("text/xml; charset=UTF-8");
    const csv = await post("?format=csv");
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect((await csv.text()).split("\r\n")[0]).toBe("First name,Last name");
    expect((await post("", "application/json")).status).toBe(200);
    expect((await post("", "text/xml")).status).toBe(200);
    for (const accept of ["application/xml", "*/*", "application/json, text/plain"]) {
      const refused = await post("", accept);
      expect(refused.status).toBe(404);
      expect(refused.headers.get("x-bamboohr-error-message")).toMatch(/format/i);
    }
    expect((await post("?format=docx")).status).toBe(400);
  });

  it("reads a report body as JSON only for exactly application/json; anything else is parsed as XML", async () => {
    const charset = await call(sim(), "/v1/reports/custom?format=json", {
      method: "POST",
      contentType: "application/json; charset=UTF-8",
      body: REPORT,
    });
    expect(charset.status).toBe(400);
    expect(charset.headers.get("x-bamboohr-error-message")).toBe("Malformed XML");
    const xmlBody = await call(sim(), "/v1/reports/custom?format=json", {
      method: "POST",
      contentType: "text/xml",
      body: '<report><title>X</title><fields><field id="firstName"/><field id="lastName"/></fields></report>',
    });
    expect(xmlBody.status).toBe(200);
    const body = await readJson(xmlBody);
    expect(body.title).toBe("X");
    expect(body.fields.map((f: { id: string }) => f.id)).toEqual(["firstName", "lastName"]);
  });
});
