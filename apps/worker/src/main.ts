import "@roster/config/require-supported-node";
import { serveWorker } from "./serve";
import { exitOnStartFailure } from "./start-failure";

// `pnpm start` in apps/worker (tsx): the job runner as the sandbox runs it.
// Production runs the built `roster serve worker` instead (src/serve.ts in production mode).
serveWorker({ production: false }).catch(exitOnStartFailure);
