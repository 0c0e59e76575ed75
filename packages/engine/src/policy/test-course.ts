import { buildCourseGraph, type CourseGraph, type ItemInfo, type SkillNode } from "./course-graph.ts";

/**
 * A small fractions-like course for tests: meaning → {like, equivalent} → unlike (needs both) → mixed;
 * plus an independent "decimals" branch. Three items a skill.
 */
export function smallCourse(): CourseGraph {
  const skills: SkillNode[] = [
    { id: "meaning", name: "Fractions as equal parts", prerequisites: [] },
    { id: "like", name: "Adding like denominators", prerequisites: ["meaning"] },
    { id: "equivalent", name: "Equivalent fractions", prerequisites: ["meaning"] },
    { id: "unlike", name: "Adding fractions with unlike denominators", prerequisites: ["like", "equivalent"] },
    { id: "mixed", name: "Adding mixed numbers", prerequisites: ["unlike"] },
    { id: "decimals", name: "Tenths as decimals", prerequisites: [] },
  ];
  const items: ItemInfo[] = skills.flatMap((s) => [0, 1, 2].map((k) => ({ id: `${s.id}-${k}`, skillIds: [s.id], tags: k === 2 ? ["pizza"] : [] })));
  return buildCourseGraph({
    skills,
    items,
    lessons: [{ id: "unlike-lesson", title: "Adding unlike fractions", skillIds: ["unlike"], minutes: 6, media: ["text", "video"] }],
    units: [{ id: "adding", title: "Adding", skillIds: ["like", "unlike"] }],
  });
}
