/** First-match router over `/v1/...` paths with `:param` segments; list specific routes first. */
export interface Route<Ctx, Result> {
  method: "GET" | "POST" | "PUT" | "DELETE" | "PATCH";
  path: string;
  handle(ctx: Ctx, params: Record<string, string>): Result | Promise<Result>;
}

export type RouteMatch<Ctx, Result> = { route: Route<Ctx, Result>; params: Record<string, string> };

export function createRouter<Ctx, Result>(routes: readonly Route<Ctx, Result>[]) {
  const compiled = routes.map((route) => {
    const names: string[] = [];
    const source = route.path
      .split("/")
      .map((segment) => {
        if (!segment.startsWith(":")) return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        names.push(segment.slice(1));
        return "([^/]+)";
      })
      .join("/");
    return { route, names, regex: new RegExp(`^${source}/?$`) };
  });
  return {
    routes,
    match(method: string, pathname: string): RouteMatch<Ctx, Result> | "method-not-allowed" | undefined {
      let pathMatched = false;
      for (const c of compiled) {
        const m = c.regex.exec(pathname);
        if (!m) continue;
        pathMatched = true;
        if (c.route.method !== method && !(method === "HEAD" && c.route.method === "GET")) continue;
        const params: Record<string, string> = {};
        c.names.forEach((name, i) => {
          params[name] = decodeURIComponent(m[i + 1] ?? "");
        });
        return { route: c.route, params };
      }
      return pathMatched ? "method-not-allowed" : undefined;
    },
  };
}
