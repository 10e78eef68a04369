import { paths } from "../../paths";

/** Where to go after signing in: only a path on this site, never another origin (`//evil`, `https:`). */
export function safeNext(search: string): string {
  const next = new URLSearchParams(search).get("next");
  return next?.startsWith("/") && !next.startsWith("//") ? next : paths.dashboard;
}
