// Fair use (FACTS §4): at most N concurrent calls per organisation. A call is in flight from the
// moment it is admitted until its response is closed (sent or aborted).
import type { Response } from 'express';

export class FairUse {
  private readonly inFlight = new Map<string, number>();

  constructor(readonly limit: number) {}

  current(key: string): number {
    return this.inFlight.get(key) ?? 0;
  }

  /** True when one more call for `key` would exceed the limit (a limit of 0 means unlimited). */
  wouldExceed(key: string): boolean {
    return this.limit > 0 && this.current(key) >= this.limit;
  }

  /** Count the call until its response closes. */
  admit(key: string, res: Response): void {
    this.inFlight.set(key, this.current(key) + 1);
    res.once('close', () => {
      const left = this.current(key) - 1;
      if (left > 0) this.inFlight.set(key, left);
      else this.inFlight.delete(key);
    });
  }
}
