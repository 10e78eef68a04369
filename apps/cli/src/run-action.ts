import type { Command } from "commander";
import { ExitCode, type ExitCodeValue } from "./exit-codes";
import { printFailure, toFailure } from "./output/errors";
import { createOutput, type Output } from "./output/output";

export interface CommonOptions {
  json?: boolean;
  color?: boolean;
}

/**
 * Adapts a command function to commander: builds its Output from --json / --no-color,
 * turns any thrown error into a printed failure, and exits with the command's code.
 * Exiting explicitly matters: a pool or keep-alive socket must not hold the shell.
 */
type CommandFn = (out: Output, ...args: any[]) => Promise<ExitCodeValue | undefined>;

/**
 * `load` imports the command's module when it runs, not at start: `roster connectors`
 * then never loads pg, the sync engine or the simulators, and every command starts faster.
 */
export function runAction(load: () => Promise<CommandFn>): (...args: unknown[]) => Promise<void> {
  return async (...args: unknown[]) => {
    // Commander passes (positional…, options, command); globals (--no-color) live on the root.
    const options = (args[args.length - 1] as Command).optsWithGlobals<CommonOptions>();
    const out = createOutput({ json: options.json === true, color: options.color === false ? false : undefined });
    let code: number;
    try {
      const command = await load();
      code = (await command(out, ...args)) ?? ExitCode.ok;
    } catch (error) {
      const failure = toFailure(error);
      printFailure(out, failure);
      code = failure.exitCode;
    }
    process.exit(code);
  };
}
