import { badRequest, json, notFound } from "../http/api-result";
import { byPosition, paginate } from "../http/pagination";
import type { Route } from "../http/router";
import type { Posting } from "../model";
import { type ApiContext, canSee, multi, shape } from "./api-context";

function postingFilter(ctx: ApiContext, url: URL): (p: Posting) => boolean {
  const states = multi(url, "state");
  const confidentiality = url.searchParams.get("confidentiality") ?? "non-confidential";
  const category = (name: "team" | "department" | "location" | "commitment") => multi(url, name);
  const wanted = {
    team: category("team"),
    department: category("department"),
    location: category("location"),
    commitment: category("commitment"),
  };
  return (p) =>
    canSee(ctx, p) &&
    (confidentiality === "all" || p.confidentiality === confidentiality) &&
    (states.length === 0 || states.includes(p.state)) &&
    (Object.keys(wanted) as (keyof typeof wanted)[]).every((k) => wanted[k].length === 0 || wanted[k].includes(p.categories[k]));
}

function one<T>(item: T | undefined, what: string, id: string) {
  if (!item) throw notFound(what, id);
  return json({ data: item });
}

export const directoryRoutes: Route<ApiContext>[] = [
  {
    method: "GET",
    path: "/v1/postings",
    scope: "postings:read:admin",
    handle: ({ ctx, url }) => {
      const all = ctx.store.postings;
      return paginate(all.filter(postingFilter(ctx, url)), url, byPosition(all), (p) => shape(p, url));
    },
  },
  {
    method: "GET",
    path: "/v1/postings/:id",
    scope: "postings:read:admin",
    handle: ({ ctx, url, params }) => {
      const posting = ctx.store.posting(params.id ?? "");
      return one(posting && canSee(ctx, posting) ? shape(posting, url) : undefined, "postings", params.id ?? "");
    },
  },
  {
    // Only active users by default; includeDeactivated=true adds the rest (reference §4 User).
    method: "GET",
    path: "/v1/users",
    scope: "users:read:admin",
    handle: ({ ctx, url }) => {
      const all = ctx.store.users;
      const emails = multi(url, "email").map((e) => e.toLowerCase());
      const roles = multi(url, "accessRole");
      const withDeactivated = url.searchParams.get("includeDeactivated") === "true";
      const users = all.filter(
        (u) =>
          (withDeactivated || u.deactivatedAt === null) &&
          (emails.length === 0 || emails.includes(u.email.toLowerCase())) &&
          (roles.length === 0 || roles.includes(u.accessRole)),
      );
      return paginate(users, url, byPosition(all));
    },
  },
  {
    method: "GET",
    path: "/v1/users/:id",
    scope: "users:read:admin",
    handle: ({ ctx, params }) => one(ctx.store.user(params.id ?? ""), "users", params.id ?? ""),
  },
  {
    method: "GET",
    path: "/v1/stages",
    scope: "stages:read:admin",
    handle: ({ ctx, url }) => paginate(ctx.store.stages, url, byPosition(ctx.store.stages)),
  },
  {
    method: "GET",
    path: "/v1/stages/:id",
    scope: "stages:read:admin",
    handle: ({ ctx, params }) => one(ctx.store.stage(params.id ?? ""), "stages", params.id ?? ""),
  },
  {
    method: "GET",
    path: "/v1/archive_reasons",
    scope: "archive_reasons:read:admin",
    handle: ({ ctx, url }) => {
      const type = url.searchParams.get("type");
      if (type !== null && type !== "hired" && type !== "non-hired") throw badRequest("type must be hired or non-hired");
      const all = ctx.store.archiveReasons;
      return paginate(type ? all.filter((r) => r.type === type) : all, url, byPosition(all));
    },
  },
  {
    method: "GET",
    path: "/v1/archive_reasons/:id",
    scope: "archive_reasons:read:admin",
    handle: ({ ctx, params }) => one(ctx.store.archiveReason(params.id ?? ""), "archive_reasons", params.id ?? ""),
  },
];
