import type { Course, Item, Lesson, Skill, Unit } from "@attune/content";
import { createSeededRng } from "@attune/engine";

export const BENCH_COURSE_ID = "bench-arithmetic";

const UNITS = [
  { id: "addition", title: "Addition", sign: "+", apply: (a: number, b: number) => a + b },
  { id: "subtraction", title: "Subtraction", sign: "−", apply: (a: number, b: number) => a - b },
  { id: "multiplication", title: "Multiplication", sign: "×", apply: (a: number, b: number) => a * b },
  { id: "division", title: "Division", sign: "÷", apply: (a: number, b: number) => a / b },
] as const;
const LEVELS = 10;
const ITEMS_PER_SKILL = 5;

const skillId = (unit: number, level: number) => `${UNITS[unit]!.id}-${level + 1}`;

/**
 * A skill's prerequisites: each unit is a small tree (level k builds on level ⌊(k−1)/2⌋), the last level joins two
 * branches, and a unit's first level needs the fifth level of the unit before — chains and trees, as in real courses.
 */
function prerequisitesOf(unit: number, level: number): string[] {
  if (level === 0) return unit === 0 ? [] : [skillId(unit - 1, 4)];
  const parent = [skillId(unit, Math.floor((level - 1) / 2))];
  return level === LEVELS - 1 ? [...parent, skillId(unit, level - 1)] : parent;
}

/** Two operands of a level: larger numbers at higher levels; divisions come out whole. */
function operands(unit: number, level: number, rng: () => number): [number, number] {
  const size = 5 + level * 9;
  const draw = (n: number) => 1 + Math.floor(rng() * n);
  if (UNITS[unit]!.id === "division") {
    const b = draw(Math.min(12, 2 + level));
    return [b * draw(size), b];
  }
  if (UNITS[unit]!.id === "subtraction") {
    const b = draw(size);
    return [b + draw(size), b];
  }
  if (UNITS[unit]!.id === "multiplication") return [draw(Math.min(12, 2 + level)), draw(size)];
  return [draw(size), draw(size)];
}

/** The skill's five single-choice items; the last also practises the skill's first prerequisite. */
function itemsOf(unit: number, level: number, rng: () => number): Item[] {
  const { sign, apply } = UNITS[unit]!;
  const id = skillId(unit, level);
  const prerequisite = prerequisitesOf(unit, level)[0];
  const items: Item[] = [];
  for (let n = 0; n < ITEMS_PER_SKILL; n++) {
    const [a, b] = operands(unit, level, rng);
    const answer = apply(a, b);
    const wrong = [...new Set([answer + 1, answer - 1, answer + 10, a + b + 1, a * b + 2].filter((x) => x !== answer && x >= 0))].slice(0, 3);
    items.push({
      id: `${id}-q${n + 1}`,
      type: "single-choice",
      skills: n === ITEMS_PER_SKILL - 1 && prerequisite ? [id, prerequisite] : [id],
      prompt: `What is ${a} ${sign} ${b}?`,
      choices: [
        { id: "a", text: String(answer), correct: true },
        { id: "b", text: String(wrong[0]), feedback: "Close: check the ones digit again." },
        ...wrong.slice(1).map((w, i) => ({ id: String.fromCharCode(99 + i), text: String(w) })),
      ],
      hints: [{ text: "Split the numbers into tens and ones." }, { text: `Work out ${a} ${sign} ${b} one part at a time.` }],
      solution: `${a} ${sign} ${b} = ${answer}`,
      difficulty: (level - 4.5) / 3,
      tags: [],
    });
  }
  return items;
}

/**
 * A synthetic course for the teaching benchmarks: 4 units × 10 skills of arithmetic (40 skills with prerequisite
 * chains and trees), one lesson and five single-choice items per skill, as the course parser would produce it.
 */
export function syntheticCourse(): { course: Course; items: Item[] } {
  const rng = createSeededRng(40);
  const skills: Skill[] = [];
  const lessons: Lesson[] = [];
  const items: Item[] = [];
  const units: Unit[] = UNITS.map((u, unit) => ({ id: u.id, title: u.title, skills: Array.from({ length: LEVELS }, (_, level) => skillId(unit, level)) }));
  UNITS.forEach((u, unit) => {
    for (let level = 0; level < LEVELS; level++) {
      const id = skillId(unit, level);
      skills.push({ id, name: `${u.title}, level ${level + 1}`, description: `${u.title} with numbers up to ${5 + level * 9}.`, prerequisites: prerequisitesOf(unit, level), tags: [u.id] });
      lessons.push({
        id: `${id}-lesson`,
        title: `${u.title}, level ${level + 1}`,
        skills: [id],
        minutes: 5,
        body: `Work ${u.title.toLowerCase()} out one place value at a time.`,
        variants: [
          { type: "text", text: `Work ${u.title.toLowerCase()} out one place value at a time.` },
          { type: "worked-example", steps: ["Split both numbers into tens and ones.", "Work out each part.", "Put the parts back together."] },
        ],
      });
      items.push(...itemsOf(unit, level, rng));
    }
  });
  const course: Course = {
    id: BENCH_COURSE_ID,
    title: "Bench arithmetic",
    description: "A synthetic arithmetic course for benchmarks.",
    language: "en",
    authors: ["Attune benchmarks"],
    masteryThreshold: 0.95,
    units,
    skills,
    lessons,
    items,
    templates: [],
    projects: [],
    mediaFiles: [],
  };
  return { course, items };
}
