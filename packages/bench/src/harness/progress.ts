/** One line per phase on stderr, so stdout carries only the results table. */
export interface Progress {
  phase(message: string): void;
  /** Times `fn` and prints its duration when it ends. */
  step<T>(message: string, fn: () => Promise<T>): Promise<T>;
}

export function createProgress(stream: NodeJS.WritableStream = process.stderr): Progress {
  const started = performance.now();
  const stamp = () => `[bench ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s]`;
  const phase = (message: string) => {
    stream.write(`${stamp()} ${message}\n`);
  };
  return {
    phase,
    async step(message, fn) {
      phase(`${message} …`);
      const t0 = performance.now();
      const result = await fn();
      phase(`${message}: done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      return result;
    },
  };
}
