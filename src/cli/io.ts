/** What a command may touch: arguments, standard streams, and the exit code it returns. */
export interface CliIO {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stdin: NodeJS.ReadableStream;
}

export interface Command {
  readonly name: string;
  readonly usage: string;
  run(argv: readonly string[], io: CliIO): Promise<number>;
}
