import { defineConfig } from "tsup";
import { serverBundle } from "../../tsup.shared";

// `pnpm build`: dist/roster.js, the whole `roster` command on plain Node (`node dist/roster.js serve api`).
// Split: each command's code is a chunk loaded when that command runs, so a start parses only what it uses.
export default defineConfig({ ...serverBundle({ roster: "src/main.ts" }), splitting: true });
