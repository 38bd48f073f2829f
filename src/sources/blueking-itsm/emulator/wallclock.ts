/**
 * The emulated server's clock: naive "YYYY-MM-DD hh:mm:ss" strings in its own zone, as Django
 * with `USE_TZ = False` stores and prints them (seed 000: format "YYYY-MM-DD hh:mm:ss").
 *
 * Written on the emulator's side on purpose (not the adapter's timezone.ts), so a mistake in the
 * adapter's conversion shows up as a test failure instead of being mirrored here. Parsing
 * follows Python's zoneinfo with fold=0: in a repeated hour the earlier instant, in a skipped
 * hour the offset from before the change.
 */

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

function zoneFormat(timeZone: string): Intl.DateTimeFormat {
  let format = zoneFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    zoneFormats.set(timeZone, format);
  }
  return format;
}

export function knownTimeZone(timeZone: string): boolean {
  try {
    zoneFormat(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Offset east of UTC in ms at a whole-second instant, read from Intl's wall clock. */
function intlOffset(ms: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const { type, value } of zoneFormat(timeZone).formatToParts(new Date(ms))) fields[type] = Number(value);
  const wall = Date.UTC(fields.year ?? 0, (fields.month ?? 1) - 1, fields.day ?? 1, fields.hour ?? 0, fields.minute ?? 0, fields.second ?? 0);
  return wall - ms;
}

// Offsets per zone per UTC quarter-hour (every real transition falls on one): Intl is slow.
const offsets = new Map<string, Map<number, number>>();
const QUARTER = 15 * 60_000;

function offsetAt(ms: number, timeZone: string): number {
  let zone = offsets.get(timeZone);
  if (zone === undefined) offsets.set(timeZone, (zone = new Map()));
  const slot = Math.floor(ms / QUARTER);
  let offset = zone.get(slot);
  if (offset === undefined) {
    offset = intlOffset(slot * QUARTER, timeZone);
    if (zone.size > 500_000) zone.clear();
    zone.set(slot, offset);
  }
  return offset;
}

const two = (n: number) => String(n).padStart(2, '0');

/** The server's wall clock for an instant, whole seconds. */
export function wallClock(ms: number, timeZone: string): string {
  const whole = Math.floor(ms / 1000) * 1000;
  const d = new Date(whole + offsetAt(whole, timeZone));
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

/** Django's accepted input: a date, optionally with hh:mm[:ss[.uuuuuu]]. */
const INPUT = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?$/;

/** The instant a server wall clock names (fold=0); null when Django would reject the text. */
export function instantOf(text: string, timeZone: string): number | null {
  const m = INPUT.exec(text.trim());
  if (m === null) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  const millis = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const naive = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  if (new Date(naive).getUTCDate() !== day) return null;
  // Try the offsets in force a day either side: the earliest that reproduces the wall clock wins.
  const before = offsetAt(naive - 86_400_000, timeZone);
  const after = offsetAt(naive + 86_400_000, timeZone);
  const fits = [naive - before, naive - after].filter((t) => offsetAt(t, timeZone) === naive - t).sort((a, b) => a - b);
  return fits[0] ?? naive - before;
}
