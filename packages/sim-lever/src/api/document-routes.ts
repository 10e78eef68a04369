import { badRequest } from "../http/api-result";
import type { Route } from "../http/router";
import type { LeverFile, Offer, Resume } from "../model";
import { type ApiContext, shape } from "./api-context";
import { offerExpanders } from "./expanders";
import { downloadRoute, type SubResource, subResourceRoutes } from "./sub-resources";

function uploadedAtFilter(url: URL): (file: LeverFile) => boolean {
  const start = Number(url.searchParams.get("uploaded_at_start") ?? Number.NEGATIVE_INFINITY);
  const end = Number(url.searchParams.get("uploaded_at_end") ?? Number.POSITIVE_INFINITY);
  if (Number.isNaN(start) || Number.isNaN(end)) throw badRequest("uploaded_at_start/_end must be epoch milliseconds");
  return (file) => file.uploadedAt >= start && file.uploadedAt <= end;
}

const offers: SubResource<Offer> = {
  segment: "offers",
  scope: "offers:read:admin",
  collection: (ctx) => ctx.store.offers,
  present: (offer, url, ctx) => shape(offer, url, offerExpanders(ctx.store)),
};
const resumes: SubResource<Resume> = { segment: "resumes", scope: "resumes:read:admin", collection: (ctx) => ctx.store.resumes };
const files: SubResource<LeverFile> = {
  segment: "files",
  scope: "files:read:admin",
  collection: (ctx) => ctx.store.files,
  filter: uploadedAtFilter,
};

/** Offer download: `status=sent|signed` picks the document (default: signed if present, else sent). */
function offerDocumentKey(offer: Offer, url: URL): string {
  const status = url.searchParams.get("status");
  if (status !== null && status !== "sent" && status !== "signed") throw badRequest("status must be sent or signed");
  return `${offer.id}:${status ?? (offer.signedDocument ? "signed" : "sent")}`;
}

export const documentRoutes: Route<ApiContext>[] = [
  downloadRoute(offers, offerDocumentKey),
  ...subResourceRoutes(offers),
  downloadRoute(
    resumes,
    (r) => r.id,
    (r) => r.file.status === "error",
  ),
  ...subResourceRoutes(resumes),
  downloadRoute(
    files,
    (f) => f.id,
    (f) => f.status === "error",
  ),
  ...subResourceRoutes(files),
];
