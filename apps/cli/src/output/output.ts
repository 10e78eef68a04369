import pc from "picocolors";

export type Colors = ReturnType<typeof pc.createColors>;

/**
 * Where a command writes: results to stdout (a table, or one JSON document with --json),
 * notes and progress to stderr. Every string passes through redaction first, so a secret
 * the command handled (a token given with --token) can never be printed by mistake.
 */
export interface Output {
  readonly json: boolean;
  readonly c: Colors;
  /** A line of the human result (stdout); ignored with --json. */
  line(text?: string): void;
  /** A remark for the person at the terminal (stderr), shown in both modes. */
  note(text: string): void;
  /** The JSON result (stdout), only with --json. */
  data(value: unknown): void;
  /** Registers a value that must never appear in output. */
  addSecret(value: string): void;
  redact(text: string): string;
}

export interface OutputOptions {
  json: boolean;
  color?: boolean;
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WritableStream;
}

/** NO_COLOR and FORCE_COLOR (no-color.org) win; otherwise colour only on a terminal. */
export function colorEnabled(explicit: boolean | undefined, env = process.env): boolean {
  if (explicit === false || env.NO_COLOR) return false;
  if (explicit === true || (env.FORCE_COLOR && env.FORCE_COLOR !== "0")) return true;
  return process.stdout.isTTY === true && env.TERM !== "dumb";
}

export function createOutput(options: OutputOptions): Output {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const secrets = new Set<string>();
  const redact = (text: string) => {
    let result = text;
    for (const secret of secrets) result = result.split(secret).join("••••");
    return result;
  };
  return {
    json: options.json,
    c: pc.createColors(colorEnabled(options.color)),
    line(text = "") {
      if (!options.json) stdout.write(`${redact(text)}\n`);
    },
    note(text) {
      stderr.write(`${redact(text)}\n`);
    },
    data(value) {
      if (options.json) stdout.write(`${redact(JSON.stringify(value, null, 2))}\n`);
    },
    addSecret(value) {
      // Very short values would redact ordinary words; credentials schemas demand more anyway.
      if (value.length >= 4) secrets.add(value);
    },
    redact,
  };
}
