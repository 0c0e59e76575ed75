import { analyzeItems } from "@attune/engine";
import type { Actor, Deps } from "../http/app-env.ts";
import { recordLearnerDataRead } from "../services/audit.service.ts";
import { loadClassRecords } from "./class-records.ts";
import { plainPrompt } from "./plain-text.ts";
import { classLearners, taughtClass } from "./teaching-access.ts";

/**
 * Item analysis on the class's practice answers, one row per question (a template's generated variants together) (placement answers excluded: they are chosen adaptively, so their
 * share right says little about the item): difficulty, discrimination, wrong answers, time, hints and flags.
 * Flagged items first, then by how many answered.
 */
export async function classItemAnalysis(deps: Deps, actor: Actor, classId: string) {
  const cls = await taughtClass(deps.db, actor, classId);
  if (!cls.course_id) return { classId, items: [] };
  const course = await deps.courses.get(cls.course_id);
  const learners = await classLearners(deps.db, classId);
  const records = await loadClassRecords(deps.db, course, learners.map((l) => l.id), undefined, { answers: true, history: false });
  // Items generated from one template are variants of one question: analysed together (`template~params` ids).
  const questionOf = (itemId: string) => itemId.split("~")[0]!;
  const practice = records.attempts.filter((a) => a.context !== "placement").map((a) => ({ ...a, itemId: questionOf(a.itemId) }));
  const example = new Map<string, string>();
  const variants = new Map<string, Set<string>>();
  for (const a of records.attempts) {
    const q = questionOf(a.itemId);
    if (!example.has(q)) example.set(q, a.itemId);
    (variants.get(q) ?? variants.set(q, new Set()).get(q)!).add(a.itemId);
  }
  const analysis = analyzeItems({ attempts: practice });
  await recordLearnerDataRead(deps.db, actor, deps.now(), "class.item-analysis.read", learners.map((l) => l.id), { type: "class", id: classId });
  const rank = { flagged: 0, ok: 1, "not-enough-data": 2 } as const;
  return {
    classId,
    items: [...analysis]
      .sort((a, b) => rank[a.status] - rank[b.status] || b.attempts - a.attempts || a.itemId.localeCompare(b.itemId))
      .map((a) => {
        const item = course.itemById.get(a.itemId) ?? course.itemById.get(example.get(a.itemId) ?? "");
        const count = variants.get(a.itemId)?.size ?? 1;
        return {
          itemId: a.itemId,
          prompt: plainPrompt(item?.prompt ?? a.itemId) + (count > 1 ? ` (e.g.; ${count} generated variants)` : ""),
          skills: (item?.skills ?? []).map((id) => ({ id, name: course.skillById.get(id)?.name ?? id })),
          responses: a.attempts,
          learners: a.learners,
          difficulty: a.difficulty,
          discrimination: a.discrimination,
          medianSeconds: a.medianResponseMs === null ? null : Math.round(a.medianResponseMs / 100) / 10,
          hintShare: a.hintUseShare,
          wrongAnswers: a.wrongAnswers.map((w) => ({ answer: w.answer, count: w.count })),
          flags: a.flags.map((f) => ({ code: f.code, message: f.message })),
        };
      }),
  };
}
