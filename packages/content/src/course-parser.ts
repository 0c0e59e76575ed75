// parseCourse: the files of a course folder (relative path -> text) to the course model, with every structural
// problem located at its line and column. Pure: reading the folder is course-reader.ts's job.
// One broken entity never hides the others: each skill, lesson, item and template is parsed on its own.
import { isMap, isSeq, type Node } from "yaml";
import type { Course, Project, Skill, Unit } from "./course-model.ts";
import { courseSchema, projectSchema, skillSchema } from "./course-schemas.ts";
import { parseItem } from "./item-parser.ts";
import { parseLesson } from "./lesson-parser.ts";
import type { Problem } from "./problems.ts";
import { parseWith } from "./schema-problems.ts";
import { parseTemplate } from "./template-parser.ts";
import { CourseSources, entryFor, parseYaml, type YamlFile } from "./yaml-source.ts";
import { z } from "zod";

export interface ParsedCourse {
  course: Course;
  problems: Problem[];
  /** Where each model object came from, so the validator can locate its problems. */
  sources: CourseSources;
}

function fileProblem(file: string, message: string, hint?: string): Problem {
  return { file, line: 1, column: 1, field: "", message, ...(hint === undefined ? {} : { hint }), severity: "error" };
}

const plain = new WeakMap<YamlFile, unknown>();
/** The document as plain data, converted once per file. */
function toJS(yaml: YamlFile): unknown {
  if (!plain.has(yaml)) plain.set(yaml, yaml.doc.toJS());
  return plain.get(yaml);
}

/** The entries of a top-level list (`skills:`, `items:`), with their YAML nodes. */
function listEntries(yaml: YamlFile, key: string): { raw: unknown; node: Node | undefined; index: number }[] {
  const contents = yaml.doc.contents;
  if (!isMap(contents)) return [];
  const seq = contents.get(key, true);
  if (seq === undefined || seq === null) return [];
  const js = (toJS(yaml) as Record<string, unknown>)[key];
  if (!isSeq(seq) || !Array.isArray(js)) return [];
  return js.map((raw, index) => ({ raw, node: seq.items[index] as Node | undefined, index }));
}

function checkTopLevel(yaml: YamlFile, allowed: string[], problems: Problem[]): boolean {
  const js: unknown = toJS(yaml);
  if (js === null || js === undefined) return false;
  const schema = z.strictObject(Object.fromEntries(allowed.map((k) => [k, z.array(z.unknown()).optional()])));
  return parseWith(schema, js, entryFor(yaml, null), [], problems) !== undefined;
}

export function parseCourse(files: ReadonlyMap<string, string>): ParsedCourse {
  const problems: Problem[] = [];
  const sources = new CourseSources("course.yaml");
  const course: Course = {
    id: "",
    title: "",
    description: "",
    language: "en",
    authors: [],
    masteryThreshold: 0.95,
    units: [],
    skills: [],
    lessons: [],
    items: [],
    templates: [],
    projects: [],
    mediaFiles: [...files.keys()].filter((f) => f.startsWith("media/")).sort(),
  };
  const paths = [...files.keys()].map((p) => p.replace(/\\/g, "/")).sort();
  const text = (path: string): string => files.get(path) ?? "";

  // course.yaml
  if (!files.has("course.yaml")) problems.push(fileProblem("course.yaml", "missing course.yaml", "every course folder starts with course.yaml"));
  else {
    const yaml = parseYaml("course.yaml", text("course.yaml"));
    problems.push(...yaml.problems);
    const entry = entryFor(yaml, null);
    sources.set(course, entry);
    const data = parseWith(courseSchema, yaml.doc.toJS() ?? {}, entry, [], problems);
    if (data !== undefined) {
      Object.assign(course, {
        id: data.id,
        title: data.title,
        description: data.description,
        language: data.language,
        authors: data.authors,
        masteryThreshold: data.mastery_threshold,
        ...(data.level === undefined ? {} : { level: data.level }),
        ...(data.license === undefined ? {} : { license: data.license }),
      });
      data.units.forEach((u, i) => {
        const unit: Unit = { id: u.id, title: u.title, skills: u.skills };
        sources.set(unit, entryFor(yaml, isMap(yaml.doc.contents) ? (yaml.doc.getIn(["units", i], true) as Node) : undefined));
        course.units.push(unit);
      });
    }
  }

  // skills.yaml
  if (!files.has("skills.yaml")) problems.push(fileProblem("skills.yaml", "missing skills.yaml", "list the course's skills under skills:"));
  else {
    const yaml = parseYaml("skills.yaml", text("skills.yaml"));
    problems.push(...yaml.problems);
    checkTopLevel(yaml, ["skills"], problems);
    for (const { raw, node } of listEntries(yaml, "skills")) {
      const entry = entryFor(yaml, node);
      const data = parseWith(skillSchema, raw, entry, [], problems);
      if (data === undefined) continue;
      const skill: Skill = {
        id: data.id,
        name: data.name,
        prerequisites: data.prerequisites,
        tags: data.tags,
        ...(data.description === undefined ? {} : { description: data.description }),
        ...(data.mastery_threshold === undefined ? {} : { masteryThreshold: data.mastery_threshold }),
        ...(data.bkt === undefined ? {} : { bkt: data.bkt }),
      };
      sources.set(skill, entry);
      course.skills.push(skill);
    }
  }

  for (const path of paths) {
    if (/^lessons\/[^/]+\.md$/.test(path)) {
      const lesson = parseLesson(path, text(path), sources, problems);
      if (lesson !== undefined) course.lessons.push(lesson);
    } else if (/^items\/.+\.ya?ml$/.test(path)) {
      const yaml = parseYaml(path, text(path));
      problems.push(...yaml.problems);
      checkTopLevel(yaml, ["items", "templates"], problems);
      for (const { raw, node } of listEntries(yaml, "items")) {
        const entry = entryFor(yaml, node);
        const item = parseItem(raw, entry, problems);
        if (item === undefined) continue;
        sources.set(item, entry);
        course.items.push(item);
      }
      for (const { raw, node } of listEntries(yaml, "templates")) {
        const entry = entryFor(yaml, node);
        const template = parseTemplate(raw, entry, problems);
        if (template === undefined) continue;
        sources.set(template, entry);
        course.templates.push(template);
      }
    } else if (/^projects\/[^/]+\.ya?ml$/.test(path)) {
      const yaml = parseYaml(path, text(path));
      problems.push(...yaml.problems);
      const entry = entryFor(yaml, null);
      const data = parseWith(projectSchema, yaml.doc.toJS() ?? {}, entry, [], problems);
      if (data === undefined) continue;
      const project: Project = { ...data };
      sources.set(project, entry);
      course.projects.push(project);
    } else if (/^(lessons|items|projects)\//.test(path)) {
      problems.push({ ...fileProblem(path, `unexpected file ${path}`, "lessons are .md, items and projects are .yaml"), severity: "warning" });
    }
  }
  return { course, problems, sources };
}
