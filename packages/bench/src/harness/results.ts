import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Figure } from "./figure";

export interface ResultsFile {
  startedAt: string;
  finishedAt: string;
  mode: "full" | "quick";
  sizes: Record<string, number>;
  machine: {
    node: string;
    cpus: number;
    cpuModel: string;
    memoryMb: number;
    postgres: string;
    database: "embedded" | "external";
  };
  /** 1-minute load average at start and end: the box is shared, so say how busy it was. */
  load: { start: number; end: number };
  figures: Figure[];
}

export function machineInfo(postgres: string, embedded: boolean): ResultsFile["machine"] {
  return {
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "?",
    memoryMb: Math.round(os.totalmem() / 2 ** 20),
    postgres,
    database: embedded ? "embedded" : "external",
  };
}

/** Writes bench-<mode>-<timestamp>.json into `dir` and returns its path. */
export async function writeResults(dir: string, results: ResultsFile): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `bench-${results.mode}-${results.startedAt.replace(/[:.]/g, "-")}.json`);
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}
