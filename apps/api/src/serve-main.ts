import { serveApi } from "./serve";
import { exitOnStartFailure } from "./start-failure";

// The built production entry point: `node apps/api/dist/serve.js` (same as `roster serve api`).
serveApi({ production: true, entryUrl: import.meta.url }).catch(exitOnStartFailure);
