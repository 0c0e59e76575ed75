/**
 * Classical item analysis for course authors and teachers (issue #7): how hard each item is, whether it separates
 * learners who know the material from those who do not, which wrong answers learners give, and flags with the
 * evidence behind them ("looks broken", "works against the rest of the course", …). Too few answers give "not enough
 * data" rather than a flag.
 */
import { sortAttempts, type AttemptRecord } from "./records.ts";
import { median, pointBiserial } from "./stats.ts";
import { capitalize, percent, plural, secondsText } from "./text.ts";

/** Tuning of the item analysis; {@link DEFAULT_ITEM_ANALYSIS_OPTIONS} documents each default. */
export interface ItemAnalysisOptions {
  readonly minLearners: number;
  readonly minOtherItems: number;
  readonly groupShare: number;
  readonly brokenAnswerShare: number;
  readonly brokenMinUpperWrong: number;
  readonly hardBelow: number;
  readonly easyAbove: number;
  readonly commonWrongShare: number;
  readonly commonWrongMin: number;
  readonly topWrongAnswers: number;
}

/**
 * - minLearners 20: learners with a first try before any flag (a class; fewer give "not enough data").
 * - minOtherItems 3: a learner's rest score needs first tries at 3 other items to mean anything.
 * - groupShare 0.27: upper and lower groups of 27% by rest score (Kelley 1939).
 * - brokenAnswerShare 0.5 with brokenMinUpperWrong 3: one wrong answer makes at least half (and 3) of the upper
 *   group's wrong first answers.
 * - hardBelow 0.2, easyAbove 0.95: under 20% or over 95% right on the first try.
 * - commonWrongShare 0.4 with commonWrongMin 5: one wrong answer is 40% of at least 5 wrong first answers.
 * - topWrongAnswers 5: wrong answers listed per item (the rest are counted together).
 */
export const DEFAULT_ITEM_ANALYSIS_OPTIONS: ItemAnalysisOptions = {
  minLearners: 20,
  minOtherItems: 3,
  groupShare: 0.27,
  brokenAnswerShare: 0.5,
  brokenMinUpperWrong: 3,
  hardBelow: 0.2,
  easyAbove: 0.95,
  commonWrongShare: 0.4,
  commonWrongMin: 5,
  topWrongAnswers: 5,
};

/** A wrong answer (normalised text) and how often it was given. */
export interface WrongAnswerCount {
  readonly answer: string;
  readonly count: number;
  /** Share of the wrong answers that had text. */
  readonly share: number;
  /** The misconception the checker most often recognised in it. */
  readonly misconceptionId?: string;
}

export type ItemFlagCode = "looks-broken" | "negative-discrimination" | "common-wrong-answer" | "very-hard" | "very-easy";

/** A reason to look at an item, with its evidence. */
export interface ItemFlag {
  readonly code: ItemFlagCode;
  readonly severity: "high" | "medium" | "low";
  readonly evidence: Readonly<Record<string, number | string | null>>;
  readonly message: string;
}

/** The analysis of one item. */
export interface ItemAnalysis {
  readonly itemId: string;
  readonly status: "flagged" | "ok" | "not-enough-data";
  readonly attempts: number;
  /** Learners with a first try at the item. */
  readonly learners: number;
  readonly firstTryCorrect: number;
  /** Difficulty as the share right on the first try (classical p, "facility": higher is easier); null without answers. */
  readonly difficulty: number | null;
  /** Point-biserial correlation of the first try with the learner's rest score; null when it cannot be computed. */
  readonly discrimination: number | null;
  /** Share right in the upper 27% by rest score minus share right in the lower 27% (Kelley's D). */
  readonly upperLowerIndex: number | null;
  /** Learners whose rest score entered the discrimination. */
  readonly discriminationLearners: number;
  readonly wrongAnswers: readonly WrongAnswerCount[];
  /** Wrong answers with text beyond the listed ones. */
  readonly otherWrongAnswers: number;
  readonly medianResponseMs: number | null;
  /** Share of attempts with at least one hint. */
  readonly hintUseShare: number | null;
  readonly flags: readonly ItemFlag[];
  /** One or two sentences about the item in plain English. */
  readonly message: string;
}

/** Inputs of {@link analyzeItems}. */
export interface ItemAnalysisInput {
  /** Every learner's attempts (the rest scores need all items, not only the analysed ones). */
  readonly attempts: readonly AttemptRecord[];
  /** Items to report (default: every item with an attempt); an item without attempts reports "not enough data". */
  readonly itemIds?: readonly string[];
  readonly options?: Partial<ItemAnalysisOptions>;
}

/**
 * Normalises an answer for counting: Unicode NFKC, lower case, one space between words, no spaces around operators
 * and punctuation, Unicode minus and dashes as "-", no final full stop. "3 / 8" and "3/8" count as one answer;
 * "0.50" and "0.5" do not (equivalence is the answer checker's job).
 */
export function normalizeAnswer(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2212\u2012\u2013\u2014]/g, "-")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/\s*([+\-*/=^(),:;<>])\s*/g, "$1")
    .replace(/\.$/, "");
}

const quote = (answer: string) => (answer === "" ? "(blank)" : `“${answer}”`);
const signed = (r: number) => (r < 0 ? `−${Math.abs(r).toFixed(2)}` : r.toFixed(2));

/** Ebel's (1965) bands for discrimination, in words. */
function discriminationWords(r: number): string {
  if (r >= 0.3) return "separates learners well";
  if (r >= 0.2) return "separates learners somewhat";
  if (r >= 0) return "hardly separates learners";
  return "works against the rest of the course";
}

interface FirstTry {
  readonly learnerId: string;
  readonly correct: boolean;
  readonly answer?: string;
  readonly misconceptionId?: string;
}

/**
 * Analyses items from attempts. Difficulty: share right on the first try (a learner's attempt with `attemptNumber` 1,
 * else their earliest). Discrimination: the point-biserial correlation between the first try and the learner's rest
 * score — the share right on the first try at every other item (a share, not a sum, because adaptive practice gives
 * learners different items; the item itself is left out so it does not correlate with itself). Also Kelley's
 * upper–lower index with 27% groups by the same rest score (ties by learner id). Flags (only with `minLearners`):
 * "looks-broken" when one wrong answer makes most of the upper group's wrong first answers AND discrimination < 0
 * (a right-looking answer is probably marked wrong); "negative-discrimination"; "common-wrong-answer" (a shared
 * misconception); "very-hard"; "very-easy". Sorted: flagged first (most severe first), then ok, then not enough data;
 * by item id within each. Cost: O(attempts · log attempts).
 */
export function analyzeItems(input: ItemAnalysisInput): ItemAnalysis[] {
  const o = { ...DEFAULT_ITEM_ANALYSIS_OPTIONS, ...input.options };
  const byItem = new Map<string, AttemptRecord[]>();
  const firstTries = new Map<string, Map<string, FirstTry>>();
  for (const a of sortAttempts(input.attempts)) {
    let list = byItem.get(a.itemId);
    if (list === undefined) byItem.set(a.itemId, (list = []));
    list.push(a);
    let first = firstTries.get(a.itemId);
    if (first === undefined) firstTries.set(a.itemId, (first = new Map()));
    // A first try: the attempt numbered 1, else (unnumbered) the learner's earliest. A learner whose loaded attempts
    // are all numbered after 1 has no first try here (their first fell outside the rows given).
    const isFirst = a.attemptNumber === undefined ? !first.has(a.learnerId) : a.attemptNumber === 1;
    if (isFirst) first.set(a.learnerId, { learnerId: a.learnerId, correct: a.correct, ...(a.answer === undefined ? {} : { answer: a.answer }), ...(a.misconceptionId === undefined ? {} : { misconceptionId: a.misconceptionId }) });
  }
  // Each learner's first tries over all items: right and total, for rest scores.
  const totals = new Map<string, { correct: number; items: number }>();
  for (const first of firstTries.values()) {
    for (const f of first.values()) {
      const t = totals.get(f.learnerId) ?? { correct: 0, items: 0 };
      totals.set(f.learnerId, { correct: t.correct + (f.correct ? 1 : 0), items: t.items + 1 });
    }
  }
  const ids = input.itemIds ?? [...byItem.keys()];
  const results = [...new Set(ids)].map((itemId) => analyzeItem(itemId, byItem.get(itemId) ?? [], [...(firstTries.get(itemId)?.values() ?? [])], totals, o));
  const rank = (r: ItemAnalysis) => (r.status === "flagged" ? 0 : r.status === "ok" ? 1 : 2);
  const worst = (r: ItemAnalysis) => Math.min(...r.flags.map((f) => ({ high: 0, medium: 1, low: 2 })[f.severity]), 3);
  return results.sort((a, b) => rank(a) - rank(b) || worst(a) - worst(b) || (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0));
}

function countWrong(tries: readonly { answer?: string; misconceptionId?: string }[]) {
  const counts = new Map<string, { count: number; misconceptions: Map<string, number> }>();
  let total = 0;
  for (const t of tries) {
    if (t.answer === undefined) continue;
    total++;
    const key = normalizeAnswer(t.answer);
    const c = counts.get(key) ?? { count: 0, misconceptions: new Map<string, number>() };
    c.count++;
    if (t.misconceptionId !== undefined) c.misconceptions.set(t.misconceptionId, (c.misconceptions.get(t.misconceptionId) ?? 0) + 1);
    counts.set(key, c);
  }
  const list = [...counts]
    .map(([answer, c]) => {
      const top = [...c.misconceptions].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))[0];
      return { answer, count: c.count, share: c.count / total, ...(top === undefined ? {} : { misconceptionId: top[0] }) };
    })
    .sort((a, b) => b.count - a.count || (a.answer < b.answer ? -1 : a.answer > b.answer ? 1 : 0));
  return { list, total };
}

function analyzeItem(itemId: string, attempts: readonly AttemptRecord[], first: readonly FirstTry[], totals: ReadonlyMap<string, { correct: number; items: number }>, o: ItemAnalysisOptions): ItemAnalysis {
  const learners = first.length;
  const firstTryCorrect = first.filter((f) => f.correct).length;
  const difficulty = learners > 0 ? firstTryCorrect / learners : null;

  // Rest scores: the learner's share right on the first try at the other items.
  const scored = first
    .map((f) => {
      const t = totals.get(f.learnerId) as { correct: number; items: number };
      const others = t.items - 1;
      return { ...f, rest: others > 0 ? (t.correct - (f.correct ? 1 : 0)) / others : 0, others };
    })
    .filter((f) => f.others >= o.minOtherItems)
    .sort((a, b) => b.rest - a.rest || (a.learnerId < b.learnerId ? -1 : a.learnerId > b.learnerId ? 1 : 0));
  const discrimination = pointBiserial(scored.map((s) => s.correct), scored.map((s) => s.rest)) ?? null;
  const groupSize = Math.ceil(o.groupShare * scored.length);
  const upper = scored.slice(0, groupSize);
  const lower = scored.slice(scored.length - groupSize);
  const shareRight = (g: readonly FirstTry[]) => g.filter((f) => f.correct).length / g.length;
  const upperLowerIndex = groupSize > 0 && scored.length >= 2 ? shareRight(upper) - shareRight(lower) : null;

  const wrong = countWrong(attempts.filter((a) => !a.correct));
  const timed = attempts.map((a) => a.responseMs).filter((ms): ms is number => ms !== null && ms !== undefined && ms >= 0);
  const medianResponseMs = median(timed) ?? null;
  const hintUseShare = attempts.length > 0 ? attempts.filter((a) => (a.hintsUsed ?? 0) > 0).length / attempts.length : null;

  const flags: ItemFlag[] = [];
  const enough = learners >= o.minLearners;
  if (enough) {
    const upperWrong = countWrong(upper.filter((f) => !f.correct));
    const top = upperWrong.list[0];
    const broken = top !== undefined && discrimination !== null && discrimination < 0 && top.count >= o.brokenMinUpperWrong && top.share >= o.brokenAnswerShare;
    if (broken) {
      flags.push({
        code: "looks-broken",
        severity: "high",
        evidence: { answer: top.answer, count: top.count, upperWrong: upperWrong.total, share: top.share, discrimination },
        message:
          `Looks broken: ${top.count} of the ${upperWrong.total} wrong first answers from the learners who do best elsewhere were ${quote(top.answer)}, ` +
          `and those learners get it wrong more often than others (discrimination ${signed(discrimination)}). Check whether ${quote(top.answer)} should be accepted.`,
      });
    } else if (discrimination !== null && discrimination < 0) {
      flags.push({
        code: "negative-discrimination",
        severity: discrimination < -0.2 ? "medium" : "low",
        evidence: { discrimination, learners: scored.length },
        message: `Learners who do well on other questions get this one wrong more often than others (discrimination ${signed(discrimination)}): its wording or answer key may mislead.`,
      });
    }
    const wrongFirst = countWrong(first.filter((f) => !f.correct));
    const common = wrongFirst.list[0];
    if (!broken && common !== undefined && wrongFirst.total >= o.commonWrongMin && common.share >= o.commonWrongShare) {
      flags.push({
        code: "common-wrong-answer",
        severity: "low",
        evidence: { answer: common.answer, count: common.count, wrong: wrongFirst.total, share: common.share, misconceptionId: common.misconceptionId ?? null },
        message: `${capitalize(quote(common.answer))} is ${common.count} of ${wrongFirst.total} wrong first answers (${percent(common.share)}): a shared misconception worth discussing in class.`,
      });
    }
    if ((difficulty as number) < o.hardBelow) {
      flags.push({
        code: "very-hard",
        severity: "low",
        evidence: { difficulty, learners, firstTryCorrect },
        message: `Only ${firstTryCorrect} of ${learners} learners (${percent(difficulty as number)}) got it right on the first try: check that it is taught before it is practised.`,
      });
    } else if ((difficulty as number) > o.easyAbove) {
      flags.push({
        code: "very-easy",
        severity: "low",
        evidence: { difficulty, learners, firstTryCorrect },
        message: `${firstTryCorrect} of ${learners} learners (${percent(difficulty as number)}) got it right on the first try: it may not need practice.`,
      });
    }
  }
  const facts = [
    difficulty === null ? undefined : `${percent(difficulty)} right on the first try`,
    discrimination === null ? undefined : `discrimination ${signed(discrimination)} (${discriminationWords(discrimination)})`,
    medianResponseMs === null ? undefined : `median time ${secondsText(medianResponseMs)}`,
    hintUseShare === null ? undefined : `hints on ${percent(hintUseShare)} of attempts`,
  ].filter((s): s is string => s !== undefined);
  const summary = learners === 0 ? "No answers yet." : `Answered by ${plural(learners, "learner")}: ${facts.join(", ")}.`;
  const message = enough ? [summary, ...flags.map((f) => f.message)].join(" ") : `Not enough data yet: ${plural(learners, "learner")} answered it (${o.minLearners} needed for flags). ${learners === 0 ? "" : summary}`.trim();
  return {
    itemId,
    status: !enough ? "not-enough-data" : flags.length > 0 ? "flagged" : "ok",
    attempts: attempts.length,
    learners,
    firstTryCorrect,
    difficulty,
    discrimination,
    upperLowerIndex,
    discriminationLearners: scored.length,
    wrongAnswers: wrong.list.slice(0, o.topWrongAnswers),
    otherWrongAnswers: wrong.list.slice(o.topWrongAnswers).reduce((sum, w) => sum + w.count, 0),
    medianResponseMs,
    hintUseShare,
    flags,
    message,
  };
}
