/**
 * Days as search usage counts them: UTC calendar days written YYYY-MM-DD, the finest time kept. "The last
 * 30 days" are today and the 29 days before it.
 */

/** How long search usage is kept: rows of days before the last 90 are deleted. */
export const RETENTION_DAYS = 90;

/** The period admins see by default (`/handbooks admin gaps`, App Home). */
export const DEFAULT_REPORT_DAYS = 30;

const DAY_MS = 86_400_000;

/** The UTC day of `date`, as YYYY-MM-DD. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The first day of the last `days` days up to `now` (today counts as one). */
export function firstDayOfLast(days: number, now: Date): string {
  return utcDay(new Date(now.getTime() - (days - 1) * DAY_MS));
}

/** The start (UTC midnight) of the first day of the last `days` days up to `now`. */
export function startOfLast(days: number, now: Date): Date {
  return new Date(`${firstDayOfLast(days, now)}T00:00:00.000Z`);
}

/** True for a whole number of days from 1 to RETENTION_DAYS: a period the store can answer for. */
export function isReportPeriod(days: number): boolean {
  return Number.isInteger(days) && days >= 1 && days <= RETENTION_DAYS;
}

/** Throws a RangeError unless `days` is a period the store can answer for (see isReportPeriod). */
export function checkReportPeriod(days: number): void {
  if (!isReportPeriod(days)) throw new RangeError(`a report covers 1 to ${RETENTION_DAYS} whole days, not ${days}`);
}
