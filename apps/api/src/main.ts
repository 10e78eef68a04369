import "@roster/config/require-supported-node";
import { serveApi } from "./serve";
import { exitOnStartFailure } from "./start-failure";

// `pnpm start` in apps/api (tsx): the API as the sandbox runs it, against DATABASE_URL (migrated
// by whoever owns the database: `pnpm start` at the root, or `roster migrate`).
// Production runs the built `roster serve api` instead (src/serve.ts in production mode).
serveApi({ production: false }).catch(exitOnStartFailure);
