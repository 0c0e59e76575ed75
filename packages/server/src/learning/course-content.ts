import { type BktPriors, type Item, type Lesson, type Unit, renderMarkdown } from "@attune/content";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { notFound } from "../http/errors.ts";

export type SkillInfo = {
  id: string;
  name: string;
  description: string | null;
  prerequisites: string[];
  masteryThreshold: number;
  bkt: BktPriors | null;
  position: number;
};

/** A course's active content, parsed once and shared by every request until the course is re-imported. */
export type CourseContent = {
  id: string;
  title: string;
  hash: string;
  masteryThreshold: number;
  units: Unit[];
  skills: SkillInfo[];
  skillById: Map<string, SkillInfo>;
  items: Item[];
  itemById: Map<string, Item>;
  itemsBySkill: Map<string, Item[]>;
  lessons: Lesson[];
};

/**
 * Keeps parsed course content in memory. Each read checks the course's content hash (one indexed point query),
 * so a re-import is picked up at once without restarting the server.
 */
export class CourseContentCache {
  private readonly cache = new Map<string, CourseContent>();

  constructor(private readonly db: Kysely<Database>) {}

  /**
   * The course's content. `currentHash`, when the caller has just read the course's content hash in a query of its
   * own (the answer loop reads it with the access check), saves the hash query while the cached content is current.
   */
  async get(courseId: string, currentHash?: string): Promise<CourseContent> {
    if (currentHash !== undefined) {
      const cached = this.cache.get(courseId);
      if (cached && cached.hash === currentHash) return cached;
    }
    const course = await this.db
      .selectFrom("courses")
      .select(["id", "title", "content_hash", "mastery_threshold", "units"])
      .where("id", "=", courseId)
      .where("archived_at", "is", null)
      .executeTakeFirst();
    if (!course) throw notFound("Course");
    const cached = this.cache.get(courseId);
    if (cached && cached.hash === course.content_hash) return cached;
    const [skillRows, itemRows, lessonRows] = await Promise.all([
      this.db.selectFrom("skills").selectAll().where("course_id", "=", courseId).where("archived_at", "is", null).orderBy("position").execute(),
      this.db.selectFrom("items").select(["spec"]).where("course_id", "=", courseId).where("archived_at", "is", null).orderBy("position").execute(),
      this.db.selectFrom("lessons").selectAll().where("course_id", "=", courseId).where("archived_at", "is", null).orderBy("position").execute(),
    ]);
    const skills: SkillInfo[] = skillRows.map((s) => ({
      id: s.id,
      name: s.name,
      description: s.description,
      prerequisites: JSON.parse(s.prerequisites) as string[],
      masteryThreshold: s.mastery_threshold ?? course.mastery_threshold,
      bkt: s.bkt ? (JSON.parse(s.bkt) as BktPriors) : null,
      position: s.position,
    }));
    const items = itemRows.map((r) => JSON.parse(r.spec) as Item);
    const itemsBySkill = new Map<string, Item[]>();
    for (const item of items) {
      for (const skillId of item.skills) itemsBySkill.set(skillId, [...(itemsBySkill.get(skillId) ?? []), item]);
    }
    const lessons: Lesson[] = lessonRows.map((l) => ({
      id: l.id,
      title: l.title,
      skills: JSON.parse(l.skills) as string[],
      minutes: l.minutes,
      body: l.body,
      variants: JSON.parse(l.variants) as Lesson["variants"],
    }));
    const content: CourseContent = {
      id: course.id,
      title: course.title,
      hash: course.content_hash,
      masteryThreshold: course.mastery_threshold,
      units: JSON.parse(course.units) as Unit[],
      skills,
      skillById: new Map(skills.map((s) => [s.id, s])),
      items,
      itemById: new Map(items.map((i) => [i.id, i])),
      itemsBySkill,
      lessons,
    };
    this.cache.set(courseId, content);
    return content;
  }
}

const MAX_RENDERED = 5000;
const rendered = new WeakMap<CourseContent, Map<string, string>>();

/**
 * Markdown of a course (an item's solution, a choice's feedback) rendered once per loaded content: rendering and
 * sanitising cost more than the rest of an answer. Feedback about unreadable input can quote the learner, so the
 * memo is bounded.
 */
export function courseMarkdownHtml(course: CourseContent, markdown: string): string {
  let memo = rendered.get(course);
  if (!memo) {
    memo = new Map();
    rendered.set(course, memo);
  }
  let html = memo.get(markdown);
  if (html === undefined) {
    html = renderMarkdown(markdown);
    if (memo.size >= MAX_RENDERED) memo.clear();
    memo.set(markdown, html);
  }
  return html;
}
