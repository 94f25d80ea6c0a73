import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/**
 * Every process's parent and CPU time so far (user and system, in seconds), from /proc, with
 * that of its children that have ended and been waited for: a Postgres backend or autovacuum
 * worker that ends between two readings counts in its postmaster's, not lost with it.
 */
function processes(): Map<number, { parent: number; seconds: number }> {
  const found = new Map<number, { parent: number; seconds: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may hold spaces; the fields after its closing parenthesis do not.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      found.set(Number(entry), {
        parent: Number(fields[1]),
        seconds:
          fields.slice(11, 15).reduce((sum, ticks) => sum + Number(ticks), 0) / TICKS_PER_SECOND,
      });
    } catch {
      // Gone meanwhile.
    }
  }
  return found;
}

/** CPU seconds used so far by each named process with every process under it (a server's workers). */
export function cpuSeconds(roots: Record<string, number>): Record<string, number> {
  const all = processes();
  const children = new Map<number, number[]>();
  for (const [pid, { parent }] of all) children.set(parent, [...(children.get(parent) ?? []), pid]);
  const tree = (pid: number): number =>
    (all.get(pid)?.seconds ?? 0) + (children.get(pid) ?? []).reduce((sum, c) => sum + tree(c), 0);
  return Object.fromEntries(Object.entries(roots).map(([name, pid]) => [name, tree(pid)]));
}
