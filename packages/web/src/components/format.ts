import { i18next } from "../i18n/index.ts";

/** Display helpers for staff and family pages: numbers and dates in the interface's language. */

export const percent = (share: number | null | undefined) => (share === null || share === undefined ? "–" : `${Math.round(share * 100)}%`);

export const minutes = (value: number) => Math.round(value);

const dateFormat = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(i18next.language || "en", options);

/** "12 Mar 2026" (a date-only string is read as that calendar day, not as UTC midnight). */
export function formatDate(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === "") return "–";
  const date = typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00`) : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return dateFormat({ day: "numeric", month: "short", year: "numeric" }).format(date);
}

/** "Tue 12 Mar, 14:05" */
export function formatDateTime(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === "") return "–";
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return dateFormat({ weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" }).format(date);
}

/** "14:05" */
export function formatTime(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateFormat({ hour: "2-digit", minute: "2-digit" }).format(date);
}

/** Today plus some days, as YYYY-MM-DD in the local calendar (for date inputs). */
export function dateInDays(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}
