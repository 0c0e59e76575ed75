import { masteryRange, percent } from "./skill-status.ts";

type Props = { mastery: number; answers: number; threshold: number; size?: "small" | "large" };

/**
 * The estimate as a filled bar, the range it could plausibly be in as a lighter band around its end, and the
 * mastery threshold as a tick. Decorative: the numbers are always given in words beside it.
 */
export function MasteryBar({ mastery, answers, threshold, size = "small" }: Props) {
  const range = masteryRange(mastery, answers);
  return (
    <span className={`mastery-bar mastery-bar-${size}`} aria-hidden="true">
      <span className="mastery-fill" style={{ width: `${percent(mastery)}%` }} />
      <span className="mastery-range" style={{ left: `${percent(range.low)}%`, width: `${Math.max(1, percent(range.high) - percent(range.low))}%` }} />
      <span className="mastery-threshold" style={{ left: `${percent(threshold)}%` }} />
    </span>
  );
}
