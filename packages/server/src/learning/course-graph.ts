import type { Item, Lesson, Unit } from "@attune/content";
import { type CourseGraph, type CourseGraphInput, buildCourseGraph } from "@attune/engine";
import type { CourseContent } from "./course-content.ts";

/** What the engine's graph needs of a course, whether loaded from the database or read from its folder. */
export type CourseForGraph = {
  masteryThreshold: number;
  skills: readonly { id: string; name: string; prerequisites: string[]; masteryThreshold?: number; tags?: string[] }[];
  items: readonly Item[];
  lessons: readonly Lesson[];
  units: readonly Unit[];
};

/** Maps course content (items include template instances) to the plain input of the engine's policy. */
export function courseGraphInput(course: CourseForGraph): CourseGraphInput {
  return {
    masteryThreshold: course.masteryThreshold,
    skills: course.skills.map((s) => ({
      id: s.id,
      name: s.name,
      prerequisites: s.prerequisites,
      ...(s.tags === undefined ? {} : { tags: s.tags }),
      ...(s.masteryThreshold === undefined ? {} : { masteryThreshold: s.masteryThreshold }),
    })),
    items: course.items.map((i) => ({ id: i.id, skillIds: i.skills, tags: i.tags, ...(i.difficulty === undefined ? {} : { difficulty: i.difficulty }) })),
    lessons: course.lessons.map((l) => ({
      id: l.id,
      title: l.title,
      skillIds: l.skills,
      minutes: l.minutes,
      media: [...new Set([...(l.body.trim() ? ["text"] : []), ...l.variants.map((v) => v.type)])],
    })),
    units: course.units.map((u) => ({ id: u.id, title: u.title, skillIds: u.skills })),
  };
}

const graphs = new WeakMap<CourseContent, CourseGraph>();

/** The engine's index of a course, built once per loaded content (a re-import loads new content, hence a new graph). */
export function courseGraphOf(course: CourseContent): CourseGraph {
  let graph = graphs.get(course);
  if (!graph) {
    graph = buildCourseGraph(courseGraphInput(course));
    graphs.set(course, graph);
  }
  return graph;
}
