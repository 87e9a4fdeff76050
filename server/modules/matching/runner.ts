// The in-process background queue of matching runs: one run at a time, in the order they were started.
// A run records its own progress and failure (matching.service.ts); the queue only sequences them and
// lets the server wait for the current one when it stops. A deployment with several server processes
// would move this onto a job queue (BullMQ); see docs/matching.md.
import type { Db } from '../../db/client.ts';
import { executeRun } from './matching.service.ts';

export class RunQueue {
  private tail: Promise<void> = Promise.resolve();
  private pending = 0;

  constructor(private readonly db: Db) {}

  enqueue = (consortiumId: string, runId: string): void => {
    this.pending++;
    this.tail = this.tail
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(() => executeRun(this.db, consortiumId, runId))
      .catch(() => undefined) // executeRun records its own failures on the run
      .finally(() => {
        this.pending--;
      });
  };

  /** Runs queued or running right now. */
  get size(): number {
    return this.pending;
  }

  /** Resolves when every run queued so far has finished. */
  idle(): Promise<void> {
    return this.tail;
  }
}
