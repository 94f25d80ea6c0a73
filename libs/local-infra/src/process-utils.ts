import { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { AddressInfo, Server, Socket, createServer } from 'node:net';

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** How a child process ended. */
export interface ProcessExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** Why it never ran (spawn's 'error' event: missing, not executable), when so. */
  readonly error?: NodeJS.ErrnoException;
}

/** A loopback port nobody listens on at the moment of asking. */
export async function freePort(): Promise<number> {
  const [port] = await freePorts(1);
  return port;
}

/** Distinct loopback ports nobody listens on at the moment of asking (all held until all are found). */
export async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const server = createServer();
      servers.push(server);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    }
    return servers.map((server) => (server.address() as AddressInfo).port);
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}

/** True when something accepts TCP connections on the port. */
export function portAnswers(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, host, () => done(true));
  });
}

/**
 * Asks politely, then insists: `signal` (SIGTERM unless told), and SIGKILL if the process
 * outlives the grace period.
 */
export async function terminate(
  child: ChildProcess,
  graceMs: number,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/**
 * Settles with the child's end: its exit, or the error that kept it from starting (spawn's
 * 'error' event, which unheard would crash this process with a stack instead of a message).
 */
export function childEnd(child: ChildProcess): Promise<ProcessExit> {
  return new Promise((resolve) => {
    child.on('error', (error) => resolve({ code: null, signal: null, error }));
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}

/** How a process ended, in a few words for a log line. */
export function describeExit(exit: ProcessExit): string {
  return exit.error?.code ?? exit.error?.message ?? String(exit.signal ?? exit.code);
}

/** The last lines of a log file, for an error message that shows why a server stopped. */
export function tail(file: string, lines = 8): string {
  if (!existsSync(file)) return '';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}
