import { describeConnector } from "@roster/connections";
import { connectionDeps } from "../connections/connection-deps";
import { access, router } from "../trpc";

/** The installed connectors, described from their manifests: what the settings pages render. */
export const connectorsRouter = router({
  list: access("connectors.list", "admin").query(({ ctx }) =>
    connectionDeps(ctx).connectors.map((connector) => ({
      ...describeConnector(connector),
      /** Sandbox mode: the simulator's values to paste, else null. */
      sandboxHint: ctx.connections?.sandboxConnectHints?.[connector.manifest.id] ?? null,
    })),
  ),
});
