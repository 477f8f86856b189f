/**
 * Runs a terminal command's `main`, sets the exit code it returns, and prints an unexpected
 * error (with its stack, for whoever has to fix it) instead of an unhandled rejection.
 */
export function runCli(main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 1;
    },
  );
}
