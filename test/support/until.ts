/**
 * Polls `check` (sync or async) every 25 ms until it gives a value other than undefined or
 * false, and resolves with it; throws when `ms` pass first. For conditions another process or
 * socket makes true (Redis reconnecting, an event arriving), where no clock can be faked.
 */
export async function until<T>(check: () => T | undefined | false | Promise<T | undefined | false>, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`condition not reached within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
