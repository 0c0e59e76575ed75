// validateCourse: the checks that need the whole course — references between files, the prerequisite graph,
// duplicate ids, lesson rules — plus every item's own checks, run on items and on expanded template instances.
import type { Course, Item, Lesson } from "./course-model.ts";
import { imageWithoutAlt, itemIssues } from "./item-checks.ts";
import { expandTemplates } from "./item-templates.ts";
import { didYouMean, type Problem } from "./problems.ts";
import { findPrerequisiteCycles } from "./skill-graph.ts";
import { CourseSources } from "./yaml-source.ts";

export interface CourseValidation {
  problems: Problem[];
  /** Items written out in the course files. */
  itemCount: number;
  /** Items generated from templates. */
  expandedItemCount: number;
  /** All items: written ones followed by template instances. */
  items: Item[];
}

const MAX_LESSON_MINUTES = 10;

export function validateCourse(course: Course, sources: CourseSources = new CourseSources()): CourseValidation {
  const problems: Problem[] = [];
  const at = sources.problem.bind(sources);
  const skillIds = new Set(course.skills.map((s) => s.id));

  const checkSkillRefs = (owner: object, path: PropertyKey[], refs: readonly string[], what: string): void => {
    refs.forEach((ref, i) => {
      if (skillIds.has(ref)) return;
      problems.push(at(owner, [...path, i], `${what} refers to unknown skill "${ref}"`, { hint: didYouMean(ref, skillIds) ?? "add it to skills.yaml" }));
    });
  };

  const reportDuplicates = <T extends { id: string }>(list: readonly T[], kind: string): void => {
    const first = new Map<string, T>();
    for (const entity of list) {
      const previous = first.get(entity.id);
      if (previous === undefined) {
        first.set(entity.id, entity);
        continue;
      }
      const where = sources.entry(previous);
      const pos = at(previous, ["id"], "");
      problems.push(at(entity, ["id"], `duplicate ${kind} id "${entity.id}"`, { hint: `also defined at ${where.file}:${pos.line}` }));
    }
  };

  reportDuplicates(course.skills, "skill");
  reportDuplicates(course.units, "unit");
  reportDuplicates(course.lessons, "lesson");
  reportDuplicates([...course.items, ...course.templates], "item or template");
  reportDuplicates(course.projects, "project");

  for (const unit of course.units) checkSkillRefs(unit, ["skills"], unit.skills, `unit "${unit.id}"`);
  for (const skill of course.skills) checkSkillRefs(skill, ["prerequisites"], skill.prerequisites, `skill "${skill.id}"`);
  for (const cycle of findPrerequisiteCycles(course.skills)) {
    const skill = course.skills.find((s) => s.id === cycle[0])!;
    const index = skill.prerequisites.indexOf(cycle[1]!);
    problems.push(at(skill, ["prerequisites", index], `prerequisite cycle: ${cycle.join(" -> ")}`, { hint: "the prerequisite graph must be acyclic: remove one of these edges" }));
  }

  const expansion = expandTemplates(course, sources);
  problems.push(...expansion.problems);
  const allItems = [...course.items, ...expansion.items];
  const itemIds = new Set([...allItems.map((i) => i.id), ...course.templates.map((t) => t.id)]);

  for (const item of course.items) {
    checkSkillRefs(item, ["skills"], item.skills, `item "${item.id}"`);
    for (const issue of itemIssues(item)) {
      problems.push(at(item, issue.path, issue.message, { severity: issue.severity, ...(issue.hint === undefined ? {} : { hint: issue.hint }) }));
    }
  }
  for (const e of expansion.expansions) {
    const t = e.template;
    checkSkillRefs(t, ["skills"], t.skills, `template "${t.id}"`);
    // Report each distinct issue once per template, with how many instances have it.
    const counts = new Map<string, { count: number; example: string; issue: ReturnType<typeof itemIssues>[number] }>();
    for (const item of e.items) {
      for (const issue of itemIssues(item)) {
        const key = `${issue.path.join(".")}|${issue.message.replace(item.id, "<instance>").replace(/".*?"/g, "")}`;
        const seen = counts.get(key);
        if (seen === undefined) counts.set(key, { count: 1, example: item.id, issue });
        else seen.count++;
      }
    }
    for (const { count, example, issue } of counts.values()) {
      problems.push(at(t, issue.path, `template "${t.id}": ${count} instance(s), e.g. ${example}: ${issue.message}`, { severity: issue.severity, ...(issue.hint === undefined ? {} : { hint: issue.hint }) }));
    }
    if (e.duplicates > 0) {
      problems.push(at(t, ["params"], `template "${t.id}" generated ${e.duplicates} duplicate instance(s) (same prompt and answer)`, { severity: "warning", hint: "every parameter should change the prompt or the answer" }));
    }
    if (e.items.length < t.count) {
      problems.push(at(t, ["count"], `template "${t.id}" yields ${e.items.length} distinct instances, fewer than count ${t.count}`, { severity: "warning", hint: "widen the params or relax the where constraints, or lower count" }));
    }
  }

  for (const lesson of course.lessons) problems.push(...lessonProblems(lesson, course, itemIds, checkSkillRefs, sources));

  for (const project of course.projects) {
    checkSkillRefs(project, ["skills"], project.skills, `project "${project.id}"`);
    project.rubric.forEach((c, i) => checkSkillRefs(project, ["rubric", i, "skills"], c.skills, `rubric criterion "${c.criterion}"`));
    const image = imageWithoutAlt(project.brief);
    if (image !== undefined) problems.push(at(project, ["brief"], `image without alt text: ${image}`, { hint: "describe the image in the brackets" }));
  }

  const practised = new Set(allItems.flatMap((i) => i.skills));
  for (const skill of course.skills) {
    if (!practised.has(skill.id)) problems.push(at(skill, ["id"], `skill "${skill.id}" has no items`, { severity: "warning", hint: "add items so mastery can be measured" }));
  }

  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return { problems, itemCount: course.items.length, expandedItemCount: expansion.items.length, items: allItems };
}

function lessonProblems(
  lesson: Lesson,
  course: Course,
  itemIds: Set<string>,
  checkSkillRefs: (owner: object, path: PropertyKey[], refs: readonly string[], what: string) => void,
  sources: CourseSources,
): Problem[] {
  const problems: Problem[] = [];
  const at = sources.problem.bind(sources);
  checkSkillRefs(lesson, ["skills"], lesson.skills, `lesson "${lesson.id}"`);
  if (lesson.minutes > MAX_LESSON_MINUTES) {
    problems.push(at(lesson, ["minutes"], `lesson "${lesson.id}" takes ${lesson.minutes} minutes, more than ${MAX_LESSON_MINUTES}`, { hint: "split it into two microlessons" }));
  }
  if (lesson.variants.length < 2) {
    problems.push(at(lesson, ["variants"], `lesson "${lesson.id}" has ${lesson.variants.length} variant(s), fewer than two`, { hint: "add a worked example, video, audio or interactive variant" }));
  }
  const media = new Set(course.mediaFiles);
  const checkMediaPath = (variant: object, field: string, value: string | undefined): void => {
    if (value === undefined || /^[a-z]+:\/\//i.test(value) || !/^media\/\S+$/.test(value.trim())) return;
    if (!media.has(value.trim())) problems.push(at(variant, [field], `${field} file "${value}" does not exist`, { hint: "put it under media/" }));
  };
  for (const variant of lesson.variants) {
    if (variant.type === "video") {
      if (variant.captions === undefined) problems.push(at(variant, [], `video in lesson "${lesson.id}" has no captions`, { hint: "add captions: media/<name>.vtt" }));
      if (variant.transcript === undefined) problems.push(at(variant, [], `video in lesson "${lesson.id}" has no transcript`, { hint: "add transcript: a media/ file or inline Markdown" }));
      checkMediaPath(variant, "captions", variant.captions);
      checkMediaPath(variant, "transcript", variant.transcript);
      checkMediaPath(variant, "url", variant.url);
    }
    if (variant.type === "audio") {
      if (variant.transcript === undefined) problems.push(at(variant, [], `audio in lesson "${lesson.id}" has no transcript`, { hint: "add transcript: a media/ file or inline Markdown" }));
      checkMediaPath(variant, "transcript", variant.transcript);
      checkMediaPath(variant, "url", variant.url);
    }
    if (variant.type === "interactive") {
      variant.items.forEach((id, i) => {
        if (!itemIds.has(id)) problems.push(at(variant, ["items", i], `unknown item "${id}" in lesson "${lesson.id}"`, { hint: didYouMean(id, itemIds) ?? "use the id of an item or template" }));
      });
    }
    const texts = variant.type === "text" ? [variant.text] : variant.type === "worked-example" ? variant.steps : [];
    for (const text of texts) {
      const image = imageWithoutAlt(text);
      if (image !== undefined) problems.push(at(variant, [], `image without alt text: ${image}`, { hint: "describe the image: ![a number line](media/line.svg)" }));
    }
  }
  return problems;
}
