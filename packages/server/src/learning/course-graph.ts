import { type CourseGraph, buildCourseGraph } from "@attune/engine";
import type { CourseContent } from "./course-content.ts";

const graphs = new WeakMap<CourseContent, CourseGraph>();

/** The engine's index of a course, built once per loaded content (a re-import loads new content, hence a new graph). */
export function courseGraphOf(course: CourseContent): CourseGraph {
  let graph = graphs.get(course);
  if (!graph) {
    graph = buildCourseGraph({
      masteryThreshold: course.masteryThreshold,
      skills: course.skills.map((s) => ({ id: s.id, name: s.name, prerequisites: s.prerequisites, masteryThreshold: s.masteryThreshold })),
      items: course.items.map((i) => ({ id: i.id, skillIds: i.skills, tags: i.tags, ...(i.difficulty === undefined ? {} : { difficulty: i.difficulty }) })),
      lessons: course.lessons.map((l) => ({
        id: l.id,
        title: l.title,
        skillIds: l.skills,
        minutes: l.minutes,
        media: [...new Set([...(l.body.trim() ? ["text"] : []), ...l.variants.map((v) => v.type)])],
      })),
      units: course.units.map((u) => ({ id: u.id, title: u.title, skillIds: u.skills })),
    });
    graphs.set(course, graph);
  }
  return graph;
}
