import { defineConfig } from "tsup";
import { serverBundle } from "../../tsup.shared";

// `pnpm build`: dist/serve.js, the production worker (`node dist/serve.js`).
export default defineConfig(serverBundle({ serve: "src/serve-main.ts" }));
