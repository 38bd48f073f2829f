/**
 * BlueKing speaks naive wall-clock strings, "YYYY-MM-DD hh:mm:ss", in the server's own time
 * zone (seed: `create_at__lte` … format: "YYYY-MM-DD hh:mm:ss"). These helpers convert between
 * such strings and instants with Intl only, so zones with daylight saving time work too:
 * around a fall-back hour one wall-clock string names two instants, and in a spring-forward
 * gap it names none.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when Intl knows the zone (IANA names such as `Asia/Shanghai`, `Europe/Berlin`, `UTC`). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClockOf(ms: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? NaN,
    month: parts.month ?? NaN,
    day: parts.day ?? NaN,
    hour: parts.hour ?? NaN,
    minute: parts.minute ?? NaN,
    second: parts.second ?? NaN,
  };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The instant's wall clock in the zone, whole seconds (milliseconds are dropped). */
export function formatWallClock(instant: Date | number, timeZone: string): string {
  const whole = Math.floor((typeof instant === 'number' ? instant : instant.getTime()) / 1000) * 1000;
  const w = new Date(whole + offsetAt(whole, timeZone));
  return (
    `${pad(w.getUTCFullYear(), 4)}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())} ` +
    `${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}:${pad(w.getUTCSeconds())}`
  );
}

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?$/;

/** Milliseconds as if the wall clock were UTC; null when the text is not a wall clock. */
function wallClockAsUtc(text: string): number | null {
  const m = WALL_CLOCK.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = ''] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(frac.padEnd(3, '0').slice(0, 3)));
  // Date.UTC rolls 2024-02-30 over into March; a real server rejects it.
  const back = new Date(ms);
  if (back.getUTCMonth() !== Number(mo) - 1 || back.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) {
    return null;
  }
  return ms;
}

const DAY_MS = 86_400_000;

const HOUR_MS = 3_600_000;

/** UTC offset of the zone at an instant, in ms (east positive), straight from Intl. */
function exactOffsetAt(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  const w = wallClockOf(whole, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - whole;
}

/** Per zone, per UTC hour: the offset when it holds for the whole hour, NaN when it changes within. */
const hourlyOffsets = new Map<string, Map<number, number>>();

/**
 * The offset at an instant. Intl is slow, and offsets change at most once an hour, so each
 * hour is asked at its two ends and remembered; only an hour with a transition in it is
 * asked per instant.
 */
function offsetAt(ms: number, timeZone: string): number {
  let hours = hourlyOffsets.get(timeZone);
  if (!hours) hourlyOffsets.set(timeZone, (hours = new Map()));
  const hour = Math.floor(ms / HOUR_MS);
  let offset = hours.get(hour);
  if (offset === undefined) {
    const start = exactOffsetAt(hour * HOUR_MS, timeZone);
    offset = start === exactOffsetAt(hour * HOUR_MS + HOUR_MS - 1000, timeZone) ? start : NaN;
    if (hours.size > 200_000) hours.clear();
    hours.set(hour, offset);
  }
  return Number.isNaN(offset) ? exactOffsetAt(ms, timeZone) : offset;
}

/**
 * Every instant whose wall clock in the zone is `text`, ascending: one normally, two in a
 * fall-back overlap, none in a spring-forward gap. Null when the text is not a wall clock.
 */
export function wallClockInstants(text: string, timeZone: string): number[] | null {
  const asUtc = wallClockAsUtc(text);
  if (asUtc === null) return null;
  const offsets = new Set([offsetAt(asUtc - DAY_MS, timeZone), offsetAt(asUtc, timeZone), offsetAt(asUtc + DAY_MS, timeZone)]);
  const found = new Set<number>();
  for (const offset of offsets) {
    const candidate = asUtc - offset;
    if (offsetAt(candidate, timeZone) === offset) found.add(candidate);
  }
  return [...found].sort((a, b) => a - b);
}

/**
 * The instant a wall clock names, as Python's zoneinfo reads it (fold=0): the earlier one in
 * an overlap; in a gap, the wall clock read with the offset from before the transition (so
 * it lands just after the gap). Null when the text is not a wall clock.
 */
export function parseWallClock(text: string, timeZone: string): Date | null {
  const instants = wallClockInstants(text, timeZone);
  if (instants === null) return null;
  const first = instants[0];
  if (first !== undefined) return new Date(first);
  const asUtc = wallClockAsUtc(text) as number;
  return new Date(asUtc - offsetAt(asUtc - DAY_MS, timeZone));
}

/**
 * A wall clock for "created at or after `instant`" (`create_at__gte`) that can never exclude
 * a ticket created at or after it: rounded down to the second, and moved earlier when the
 * string is ambiguous and the server might read it as the later of its two instants.
 */
export function lowerBoundWallClock(instant: Date, timeZone: string): string {
  const limit = instant.getTime();
  let t = Math.floor(limit / 1000) * 1000;
  for (;;) {
    const text = formatWallClock(t, timeZone);
    const latest = Math.max(...(wallClockInstants(text, timeZone) ?? [t]));
    if (latest <= limit) return text;
    t -= latest - t;
  }
}

/** The mirror image, for "created at or before `instant`" (`create_at__lte`). */
export function upperBoundWallClock(instant: Date, timeZone: string): string {
  const limit = instant.getTime();
  let t = Math.ceil(limit / 1000) * 1000;
  for (;;) {
    const text = formatWallClock(t, timeZone);
    const earliest = Math.min(...(wallClockInstants(text, timeZone) ?? [t]));
    if (earliest >= limit) return text;
    t += t - earliest;
  }
}
