// Times cross IPC as Unix seconds (UTC) and become text only here, in the user's time zone.

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(locale: string): Intl.DateTimeFormat {
  let format = dateTimeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      // Mexico writes 14:05 in lists; English keeps its 12-hour clock.
      hour12: !locale.startsWith("es"),
    });
    dateTimeFormats.set(locale, format);
  }
  return format;
}

/** "22 nov 2026, 14:05" (es-MX) or "Nov 22, 2026, 2:05 PM" (en). */
export function formatDateTime(unixSeconds: number, locale: string): string {
  return dateTimeFormat(locale).format(new Date(unixSeconds * 1000));
}

const DAY = 86_400;
/** [unit, its length in seconds, the distance from which it is used]. */
const UNITS: [Intl.RelativeTimeFormatUnit, number, number][] = [
  ["year", 365 * DAY, 730 * DAY],
  ["month", 30 * DAY, 60 * DAY],
  ["day", DAY, DAY],
  ["hour", 3_600, 3_600],
  ["minute", 60, 60],
];

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

/** Made once per locale and style: a list formats one per row it shows (30 µs each, made). */
function relativeFormat(locale: string, style: Intl.RelativeTimeFormatStyle) {
  const key = `${locale} ${style}`;
  let format = relativeFormats.get(key);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: "auto", style });
    relativeFormats.set(key, format);
  }
  return format;
}

/** "hace 5 min", "en 3 días", "hace 18 meses", "ahora": whole units, coarser when far. */
export function formatRelative(then: number, now: number, locale: string): string {
  const delta = then - now;
  for (const [unit, seconds, from] of UNITS) {
    if (Math.abs(delta) >= from) {
      // Short "min" and "h" read well; a short month ("18 m") reads like minutes.
      const style = unit === "month" || unit === "year" ? "long" : "short";
      return relativeFormat(locale, style).format(Math.trunc(delta / seconds), unit);
    }
  }
  return relativeFormat(locale, "long").format(0, "second");
}

/** The value of an `<input type="datetime-local">` for a time: "2026-12-24T18:00", local. */
export function toLocalInput(unixSeconds: number): string {
  const d = new Date(unixSeconds * 1000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${String(d.getFullYear())}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Unix seconds of the start of a local calendar day typed as "2026-11-22"; null if invalid. */
export function localDayStart(day: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(date.getTime()) ? null : Math.floor(date.getTime() / 1000);
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
