// The prerequisite graph: cycle detection, reporting each cycle as the path that closes it.
import type { Skill } from "./course-model.ts";

/**
 * Every elementary cycle found by depth-first search, each as a path of skill ids that starts and ends with the
 * same skill (`a -> b -> c -> a`). Each back edge gives one cycle, so a course with several cycles lists them all.
 */
export function findPrerequisiteCycles(skills: readonly Skill[]): string[][] {
  const edges = new Map<string, string[]>();
  for (const skill of skills) edges.set(skill.id, [...(edges.get(skill.id) ?? []), ...skill.prerequisites]);
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  const cycles: string[][] = [];

  const visit = (id: string): void => {
    state.set(id, "visiting");
    stack.push(id);
    for (const next of edges.get(id) ?? []) {
      if (!edges.has(next)) continue; // unknown skills are reported separately
      const s = state.get(next);
      if (s === "visiting") cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (s === undefined) visit(next);
    }
    stack.pop();
    state.set(id, "done");
  };

  for (const skill of skills) if (!state.has(skill.id)) visit(skill.id);
  return cycles;
}
