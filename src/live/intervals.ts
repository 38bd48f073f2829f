/** Live polling bounds: the default keeps vendors' rate limits comfortable; the minimum protects them. */
export const DEFAULT_POLL_INTERVAL_MS = 15_000;
export const MIN_POLL_INTERVAL_MS = 1_000;
