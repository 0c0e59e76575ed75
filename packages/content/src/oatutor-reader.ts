// readOATutorDir: the file-system edge of the OATutor importer. Reads OATutor's content layout:
//   coursePlans.json, skillModel.json, bkt-params/defaultBKTParams.json,
//   content-pool/<problem>/<problem>.json, .../steps/<step>/<step>.json, .../steps/<step>/tutoring/<step>DefaultPathway.json,
//   content-pool/<problem>/figures/* (listed, not read).
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { OATutorContent, OATutorProblem, OATutorStep } from "./oatutor-types.ts";

async function readJson<T>(path: string): Promise<T> {
  return JSON.parse(await readFile(path, "utf8")) as T;
}

async function subdirectories(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  return (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

export async function readOATutorDir(dir: string): Promise<OATutorContent> {
  const bktPath = join(dir, "bkt-params", "defaultBKTParams.json");
  const problems: OATutorProblem[] = [];
  const pool = join(dir, "content-pool");
  for (const name of await subdirectories(pool)) {
    const problemDir = join(pool, name);
    const problemFile = join(problemDir, `${name}.json`);
    if (!existsSync(problemFile)) continue;
    const steps: OATutorStep[] = [];
    for (const stepName of await subdirectories(join(problemDir, "steps"))) {
      const stepDir = join(problemDir, "steps", stepName);
      const stepFile = join(stepDir, `${stepName}.json`);
      if (!existsSync(stepFile)) continue;
      const pathway = join(stepDir, "tutoring", `${stepName}DefaultPathway.json`);
      steps.push({
        ...(await readJson<Omit<OATutorStep, "hints" | "path">>(stepFile)),
        hints: existsSync(pathway) ? await readJson(pathway) : [],
        path: `content-pool/${name}/steps/${stepName}/${stepName}.json`,
      });
    }
    const figuresDir = join(problemDir, "figures");
    const figures = existsSync(figuresDir) ? (await readdir(figuresDir)).sort() : [];
    problems.push({ ...(await readJson<Omit<OATutorProblem, "steps" | "figures" | "path">>(problemFile)), steps, figures, path: `content-pool/${name}/${name}.json` });
  }
  return {
    coursePlans: await readJson(join(dir, "coursePlans.json")),
    skillModel: await readJson(join(dir, "skillModel.json")),
    bktParams: existsSync(bktPath) ? await readJson(bktPath) : {},
    problems,
  };
}
