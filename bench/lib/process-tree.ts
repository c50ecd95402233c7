// Runs a command and samples the memory of its whole process tree from /proc: `candor build` forks one
// `astro build` per mirror, and what a CI machine must hold is all of them at once, not just the parent.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface TreeRun {
  code: number;
  ms: number;
  output: string;
  /** Largest sum of resident memory over every process of the tree at one moment (sampled). */
  peakTreeRss: number;
  /** Largest peak resident memory of any single process (the kernel's VmHWM: exact, not sampled). */
  peakProcessRss: number;
  /** Most processes alive at once. */
  peakProcesses: number;
  /**
   * CPU time (user + system) of the whole tree: steadier than wall time on a machine others use too. The CPU of
   * waited-for descendants, or, when larger, the sum of each process's own CPU at its last sample: a service a
   * command kills on its way out (Pagefind's) is not waited for, and so is not in the first.
   */
  cpuMs: number;
  /** Peak resident memory of each process of the tree, largest first, with the start of its command line. */
  processes: { pid: number; command: string; peakRss: number }[];
  /** What each process held at the moment the tree as a whole held the most. */
  atPeak: { pid: number; command: string; rss: number }[];
}

const SAMPLE_MS = 100;

/**
 * CPU time of this process's finished, waited-for descendants (cutime + cstime in /proc/self/stat). A child's
 * own children roll up into it when it waits for them, so the difference across a run is the whole tree's.
 */
function childrenCpuMs(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 16 and 17 of stat, counted from the state field (3): clock ticks, 100 per second on Linux.
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

/** A process's own CPU time so far (utime + stime, its threads included, its children not), or undefined once gone. */
function ownCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** Parent of every process, read from /proc/<pid>/stat (the field after the parenthesised command). */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      map.set(Number(name), ppid);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return map;
}

/** Every process of the tree under `root`, with its parent (`root`'s own is 0 here). */
function descendants(root: number): [pid: number, parent: number][] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents()) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const result: [number, number][] = [];
  for (const queue: [number, number][] = [[root, 0]]; queue.length; ) {
    const [pid, parent] = queue.pop()!;
    result.push([pid, parent]);
    queue.push(...(children.get(pid) ?? []).map((child): [number, number] => [child, pid]));
  }
  return result;
}

/** The command line of a process, shortened to its program and first arguments. */
function commandOf(pid: number): string {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    return args.slice(0, 3).map((a) => a.split('/').slice(-2).join('/')).join(' ');
  } catch {
    return '?';
  }
}

/** VmRSS and VmHWM in bytes, or undefined once the process is gone. */
function memoryOf(pid: number): { rss: number; hwm: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return undefined;
  }
}

export function runTree(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<TreeRun> {
  // What the run before wrote is on disk before this one starts: otherwise the kernel writes it back during this
  // run, and its time depends on what ran before it. The one-mirror build that follows the cold build (282 MB
  // written at 1,000 incidents) took 3.4–5.7 s that way on one machine, and 3.0–3.2 s after a sync.
  spawnSync('sync');
  const started = performance.now();
  const cpuBefore = childrenCpuMs();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let peakTreeRss = 0;
  let peakProcessRss = 0;
  let peakProcesses = 0;
  const processes = new Map<number, { pid: number; command: string; peakRss: number }>();
  let atPeak: TreeRun['atPeak'] = [];
  const cpuSeen = new Map<number, number>();
  const sample = () => {
    if (child.pid === undefined) return;
    let sum = 0;
    const now: TreeRun['atPeak'] = [];
    const pids = descendants(child.pid);
    const commands = new Map(pids.map(([pid]) => [pid, commandOf(pid)]));
    for (const [pid, parent] of pids) {
      // A child caught between its fork and its exec still runs its parent's program, on its parent's pages (copied
      // only when written): counted, they are added a second time. A 5,000-incident build's peak read 1,634 MiB in
      // one run, with a "second `candor build`" of 376 MiB beside the first (most likely Pagefind's second process,
      // started as the render threads end); the runs around it read 1,240–1,335 MiB. Its command line is read at
      // every sample, too: it takes its own once it runs its program.
      const command = commands.get(pid)!;
      if (parent && command === commands.get(parent)) continue;
      const m = memoryOf(pid);
      if (!m) continue;
      sum += m.rss;
      now.push({ pid, command, rss: m.rss });
      peakProcessRss = Math.max(peakProcessRss, m.hwm);
      const p = processes.get(pid) ?? { pid, command, peakRss: 0 };
      p.command = command;
      p.peakRss = Math.max(p.peakRss, m.hwm);
      processes.set(pid, p);
      const cpu = ownCpuMs(pid);
      if (cpu !== undefined) cpuSeen.set(pid, cpu);
    }
    if (sum > peakTreeRss) (peakTreeRss = sum), (atPeak = now);
    peakProcesses = Math.max(peakProcesses, pids.length);
  };
  const timer = setInterval(sample, SAMPLE_MS);
  return new Promise((resolve, reject) => {
    child.on('error', (e) => (clearInterval(timer), reject(e)));
    child.on('close', (code) => {
      clearInterval(timer);
      const sampled = [...cpuSeen.values()].reduce((a, b) => a + b, 0);
      const cpuMs = Math.max(childrenCpuMs() - cpuBefore, sampled);
      resolve({ code: code ?? 1, ms: performance.now() - started, output, peakTreeRss, peakProcessRss, peakProcesses, cpuMs, processes: [...processes.values()].sort((a, b) => b.peakRss - a.peakRss), atPeak });
    });
  });
}
