/**
 * Slows password guessing: at most `perAccount` failed sign-ins per account and `perAddress` attempts per
 * network address within a sliding window. Kept in memory: one server process per installation is the
 * supported deployment; a restart forgets the counters, which only gives an attacker a fresh window.
 */
export type SignInLimits = { perAccount: number; perAddress: number; windowMs: number };

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = { perAccount: 5, perAddress: 30, windowMs: 15 * 60 * 1000 };

export class SignInLimiter {
  private readonly accountFailures = new Map<string, number[]>();
  private readonly addressAttempts = new Map<string, number[]>();

  constructor(private readonly limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS) {}

  private recent(map: Map<string, number[]>, key: string, now: number): number[] {
    const kept = (map.get(key) ?? []).filter((t) => now - t < this.limits.windowMs);
    if (kept.length === 0) map.delete(key);
    else map.set(key, kept);
    return kept;
  }

  /** Seconds to wait before another attempt is allowed, or 0 when it may go ahead. */
  retryAfter(account: string, address: string, now: number): number {
    const failures = this.recent(this.accountFailures, account, now);
    const attempts = this.recent(this.addressAttempts, address, now);
    const waits: number[] = [];
    if (failures.length >= this.limits.perAccount) waits.push(failures[0]! + this.limits.windowMs - now);
    if (attempts.length >= this.limits.perAddress) waits.push(attempts[0]! + this.limits.windowMs - now);
    return waits.length === 0 ? 0 : Math.ceil(Math.max(...waits) / 1000);
  }

  recordAttempt(account: string, address: string, succeeded: boolean, now: number): void {
    const attempts = this.recent(this.addressAttempts, address, now);
    attempts.push(now);
    this.addressAttempts.set(address, attempts);
    if (succeeded) {
      this.accountFailures.delete(account);
      return;
    }
    const failures = this.recent(this.accountFailures, account, now);
    failures.push(now);
    this.accountFailures.set(account, failures);
  }
}
