// What every CSV and XLSX file Transforma writes does to text that came from users.

/**
 * A spreadsheet runs a cell that starts with =, +, - or @ as a formula; names
 * and details come from users, so such a cell is written as text.
 */
export function spreadsheetSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A cell read back from a file Transforma wrote: the text as it was before spreadsheetSafe. */
export function fromSpreadsheetSafe(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}
