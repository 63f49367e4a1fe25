// Dates of rounds, links and reminders are whole days.

/** Today as an ISO day, in UTC: the dates of a round are whole days, read the same everywhere. */
export function isoToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
