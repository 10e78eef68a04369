import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LeverSim, startLeverSim } from "../src/index";
import { api, readJson } from "./helpers";

describe("file downloads", () => {
  let sim: LeverSim;
  beforeAll(async () => {
    sim = await startLeverSim({ rateLimit: false });
  });
  afterAll(() => sim.close());

  it("resume downloadUrl answers the file's bytes with its content type and size", async () => {
    const t = sim.truth();
    const resume = Object.values(t.resumes)
      .flat()
      .find((r) => r.file.ext === ".pdf" && r.file.status === "processed");
    if (!resume) throw new Error("no processed PDF resume seeded");
    const res = await fetch(resume.file.downloadUrl, {
      headers: { Authorization: `Basic ${Buffer.from(`${sim.apiKey}:`).toString("base64")}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toContain("attachment;");
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.length).toBe(resume.file.size);
    const text = bytes.toString("latin1");
    expect(text.startsWith("%PDF-1.4")).toBe(true);
    expect(text.trimEnd().endsWith("%%EOF")).toBe(true);
    // The xref offset must point at the xref table for the PDF to be valid.
    const startxref = Number(/startxref\n(\d+)/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 4)).toBe("xref");
  });

  it("file download answers the stored text body", async () => {
    const t = sim.truth();
    const [oppId, files] = Object.entries(t.files).find(([, fs]) => fs.some((f) => f.ext === ".txt")) ?? [];
    const file = files?.find((f) => f.ext === ".txt");
    const res = await api(sim, `/v1/opportunities/${oppId}/files/${file?.id}/download`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const body = await res.text();
    expect(Buffer.byteLength(body)).toBe(file?.size);
    expect(body).toContain("for ");
  });

  it("answers 422 for a resume Lever could not process", async () => {
    const unprocessable = sim.truth().opportunities[3];
    const resume = sim.truth().resumes[unprocessable?.id ?? ""]?.[0];
    const res = await api(sim, `/v1/opportunities/${unprocessable?.id}/resumes/${resume?.id}/download`);
    expect(res.status).toBe(422);
    expect(await readJson(res)).toMatchObject({ code: "UnprocessableEntity" });
  });

  it("serves sent and signed offer PDFs", async () => {
    const hiredId = sim.opportunityIdsInStage("hired")[0] ?? "";
    const offer = sim.truth().offers[hiredId]?.at(-1);
    for (const status of ["sent", "signed"]) {
      const res = await api(sim, `/v1/opportunities/${hiredId}/offers/${offer?.id}/download?status=${status}`);
      expect(res.status, status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/pdf");
      expect(
        Buffer.from(await res.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe("%PDF-");
    }
  });
});
