import { spawn } from 'node:child_process';

/**
 * A long-running desktop command whose output is read line by line (`gdbus
 * monitor`). No shell; a missing command or one that exits is reported once
 * through `onExit`, never thrown.
 */
export interface LineProcess {
  stop(): void;
}

export interface SpawnLinesOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly onLine: (line: string) => void;
  readonly onExit: (code: number | null) => void;
}

export type SpawnLines = (file: string, args: readonly string[], options: SpawnLinesOptions) => LineProcess;

export const spawnLines: SpawnLines = (file, args, { env, onLine, onExit }) => {
  const child = spawn(file, [...args], { env: env ?? process.env, stdio: ['ignore', 'pipe', 'ignore'] });
  let exited = false;
  const exit = (code: number | null) => {
    if (exited) return;
    exited = true;
    onExit(code);
  };
  let buffered = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  });
  // 'error' is a command that could not start (ENOENT); 'close' is an exit once its output is read.
  child.on('error', () => exit(null));
  child.on('close', (code) => exit(code));
  return {
    stop: () => {
      exited = true;
      child.kill();
    },
  };
};
