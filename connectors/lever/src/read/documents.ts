import type { ConnectorContext } from "@roster/core";
import { encode, listAll } from "../client";
import type { LeverCredentials } from "../manifest";
import { type RawFile, type RawResume, rawFile, rawResume } from "../raw";

type Ctx = ConnectorContext<LeverCredentials>;

export interface DownloadedDocument {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

/** Resumes in Lever's order; integrations treat the first as "the resume" (reference §4 Resume). */
export function listResumes(ctx: Ctx, opportunityId: string): Promise<RawResume[]> {
  // GET /opportunities/:id/resumes — https://hire.lever.co/developer/documentation#list-all-resumes
  return listAll(ctx, `opportunities/${encode(opportunityId)}/resumes`, rawResume);
}

/** Other uploaded files (reference §4 File). */
export function listFiles(ctx: Ctx, opportunityId: string): Promise<RawFile[]> {
  // GET /opportunities/:id/files — https://hire.lever.co/developer/documentation#list-all-files
  return listAll(ctx, `opportunities/${encode(opportunityId)}/files`, rawFile);
}

/** A resume's bytes. Lever answers 422 for a file it could not process (reference §2 Errors). */
export function downloadResume(ctx: Ctx, opportunityId: string, resume: RawResume): Promise<DownloadedDocument> {
  // GET /opportunities/:id/resumes/:rid/download — https://hire.lever.co/developer/documentation#download-a-resume-file
  const path = `opportunities/${encode(opportunityId)}/resumes/${encode(resume.id)}/download`;
  return download(ctx, path, resume.file?.name ?? `resume-${resume.id}${resume.file?.ext ?? ""}`);
}

export function downloadFile(ctx: Ctx, opportunityId: string, file: RawFile): Promise<DownloadedDocument> {
  // GET /opportunities/:id/files/:fid/download — https://hire.lever.co/developer/documentation#download-a-file
  const path = `opportunities/${encode(opportunityId)}/files/${encode(file.id)}/download`;
  return download(ctx, path, file.name ?? `file-${file.id}${file.ext ?? ""}`);
}

async function download(ctx: Ctx, path: string, fallbackName: string): Promise<DownloadedDocument> {
  const response = await ctx.http.request<Uint8Array>({ url: path, responseType: "bytes" });
  const contentType = response.headers.get("content-type")?.split(";")[0]?.trim() || contentTypeOf(fallbackName);
  return { fileName: fallbackName, contentType, bytes: response.data };
}

const TYPES: Record<string, string> = {
  ".pdf": "application/pdf",
  ".txt": "text/plain",
  ".doc": "application/msword",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

function contentTypeOf(name: string): string {
  const ext = /\.[a-z0-9]+$/i.exec(name)?.[0]?.toLowerCase() ?? "";
  return TYPES[ext] ?? "application/octet-stream";
}
