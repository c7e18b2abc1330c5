/**
 * ISO 8601 date and time in the profile RFC 3339 §5.6 gives it: `2026-10-01T08:00:00Z`, `2026-10-01T10:00:00+02:00`,
 * `2026-10-01T08:00:00.250Z`. The time zone is required (a local time would read differently on every machine) and
 * the date must be one the calendar has (no 31 April; 29 February only in a leap year).
 */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|[+-](\d{2}):(\d{2}))$/;

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function isIsoDateTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE_TIME.exec(value);
  if (!m) return false;
  const field = (i: number) => Number(m[i] ?? 0);
  const [year, month, day] = [field(1), field(2), field(3)];
  const days = month === 2 && isLeap(year) ? 29 : DAYS[month - 1];
  return (
    days !== undefined &&
    day >= 1 &&
    day <= days &&
    field(4) <= 23 &&
    field(5) <= 59 &&
    field(6) <= 59 &&
    field(7) <= 23 &&
    field(8) <= 59
  );
}
