#!/usr/bin/env node
// The installed `roster` command: registers tsx so the TypeScript sources run as they are
// (workspace packages export source, nothing is built), then starts the CLI.
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
