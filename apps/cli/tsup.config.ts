import { defineConfig } from "tsup";
import { serverBundle } from "../../tsup.shared";

// `pnpm build`: dist/roster.js, the whole `roster` command on plain Node (`node dist/roster.js serve api`).
export default defineConfig(serverBundle({ roster: "src/main.ts" }));
