// readCourseDir: the thin file-system edge. Reads a course folder into a map of relative path -> text and
// hands it to the pure parser. Media files are listed (binary ones with empty text) so references can be checked.
import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { parseCourse, type ParsedCourse } from "./course-parser.ts";

const TEXT_EXTENSIONS = /\.(ya?ml|md|vtt|srt|txt|json|csv)$/i;

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .filter((path) => !relative(dir, path).split(sep).some((part) => part.startsWith(".") || part === "node_modules"));
}

export async function readCourseFiles(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const path of (await listFiles(dir)).sort()) {
    const rel = relative(dir, path).split(sep).join("/");
    files.set(rel, TEXT_EXTENSIONS.test(rel) ? await readFile(path, "utf8") : "");
  }
  return files;
}

export async function readCourseDir(dir: string): Promise<ParsedCourse> {
  return parseCourse(await readCourseFiles(dir));
}
