/** Small English helpers for the analytics' sentences (numbers and lists read the same everywhere). */

/** "1 answer", "3 answers" (or a given plural). */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}

/** A share as a whole percentage: 0.4762 → "48%". */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** "A", "A and B", "A, B and C". */
export function listText(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? "";
  return `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

/** Minutes in words, rounded to whole minutes: "45 minutes", "1 hour", "2 hours 5 minutes". */
export function minutesText(minutes: number): string {
  const total = Math.round(minutes);
  if (total < 60) return plural(total, "minute");
  const h = Math.floor(total / 60);
  const m = total % 60;
  return m === 0 ? plural(h, "hour") : `${plural(h, "hour")} ${plural(m, "minute")}`;
}

/** Seconds for a sentence: "4 seconds", "1.5 seconds" (one decimal below 10 s). */
export function secondsText(ms: number): string {
  const s = ms / 1000;
  const shown = s < 10 ? Math.round(s * 10) / 10 : Math.round(s);
  return `${shown} ${shown === 1 ? "second" : "seconds"}`;
}

/** The sentence's first letter in capitals. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
