import { createInterface } from "node:readline/promises";

/** A question can be asked only of a person at a terminal whose standard input is still free. */
export function canAsk(stdinTaken: boolean): boolean {
  return !stdinTaken && process.stdin.isTTY === true && process.stderr.isTTY === true;
}

/** Asks on stderr; only "y" or "yes" is a yes. */
export async function confirm(question: string): Promise<boolean> {
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await prompt.question(`${question} (y/N) `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    prompt.close();
  }
}
