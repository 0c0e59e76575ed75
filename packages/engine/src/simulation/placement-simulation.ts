import { createSeededRng } from "../knowledge/seeded-rng.ts";
import { nextPlacementItem, recordPlacementResponse, startPlacement } from "../placement/placement.ts";
import type { PlacementOptions } from "../placement/placement-model.ts";
import type { CourseGraph } from "../policy/course-graph.ts";
import { DEFAULT_SIM_START, streamSeed } from "./run-simulation.ts";
import { drawCourseTruth, drawLearner, respondOnly, type TruthRanges } from "./synthetic-learner.ts";

/** Options of a placement simulation. */
export interface PlacementSimulationOptions {
  readonly learners: number;
  readonly seed: number;
  readonly placement?: PlacementOptions;
  readonly truthRanges?: TruthRanges;
}

/** Placement measured against the synthetic learners' true starting state. */
export interface PlacementSimulationReport {
  readonly items_used: number;
  /** Share of (learner, skill) pairs classified right: P(known) ≥ 0.5 exactly when the skill is truly known. */
  readonly classification_accuracy: number;
  /** Share of placements that stopped because every skill was classified with the required confidence. */
  readonly confident_share: number;
}

/** Runs adaptive placement on the same synthetic learners the policy simulation uses (same seed, same draws). */
export function simulatePlacement(graph: CourseGraph, options: PlacementSimulationOptions): PlacementSimulationReport {
  const truth = drawCourseTruth(graph, createSeededRng(options.seed), options.truthRanges);
  let items = 0;
  let right = 0;
  let confident = 0;
  for (let u = 0; u < options.learners; u++) {
    const learner = drawLearner(graph, truth, DEFAULT_SIM_START, createSeededRng(streamSeed(options.seed, u, 1)));
    const rng = createSeededRng(streamSeed(options.seed, u, 2));
    let state = startPlacement(createSeededRng(streamSeed(options.seed, u, 3)));
    for (;;) {
      const step = nextPlacementItem(graph, state, options.placement);
      if (step.done || !step.item) {
        items += step.itemsUsed;
        if (step.stop === "confident") confident++;
        graph.skills.forEach((s, i) => {
          if ((step.pKnown.get(s.id) ?? 0) >= 0.5 === (learner.knownAtStart[i] === 1)) right++;
        });
        break;
      }
      const skills = step.item.skillIds.map((id) => graph.skillIndex.get(id)).filter((i): i is number => i !== undefined);
      const correct = respondOnly(truth, learner, skills, DEFAULT_SIM_START, rng);
      state = recordPlacementResponse(state, { itemId: step.item.itemId, skillIds: step.item.skillIds, correct });
    }
  }
  const L = Math.max(1, options.learners);
  return { items_used: items / L, classification_accuracy: right / (L * Math.max(1, graph.skills.length)), confident_share: confident / L };
}
