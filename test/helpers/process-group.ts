// A command such as `npx kravmock serve` runs the server as a child of npx (through a shell): ending
// npx alone leaves the server running after the test. Spawn such a command with `detached: true`
// (its own process group) and stop it with stopProcessGroup, which ends the whole group.
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/** SIGTERM to the child's process group; resolves when the child has exited (at once if it had). */
export async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
  await exited;
}
