import { serveWorker } from "./serve";
import { exitOnStartFailure } from "./start-failure";

// The built production entry point: `node apps/worker/dist/serve.js` (same as `roster serve worker`).
serveWorker({ production: true }).catch(exitOnStartFailure);
