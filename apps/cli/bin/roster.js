#!/usr/bin/env node
// The installed `roster` command: registers tsx so the TypeScript sources run as they are
// (workspace packages export source, nothing is built), then starts the CLI.
import { register } from "tsx/esm/api";

register();
// Before the CLI's module graph loads: under an old Node, say so at once.
await import("@roster/config/require-supported-node");
await import("../src/main.ts");
