import { BKT_FORMAT_VERSION, createBktTracer, type BktParams } from "./bkt.ts";
import { fitBkt } from "./bkt-fit.ts";
import { createIrtTracer, fitIrtParams, IRT_FORMAT_VERSION, type IrtParams } from "./irt.ts";
import { BEST_LR_SPEC, BEST_SPEC, PFA_SPEC } from "./logistic-models.ts";
import { createLogisticTracer, fitLogisticParams, LOGISTIC_FORMAT_VERSION, type LogisticParams } from "./logistic-tracer.ts";
import type { KnowledgeTracer, LearnerHistory, Rng, SerializedModel } from "./tracer.ts";

/** Names accepted by {@link fitTracer} and `attune eval --model`. */
export const KNOWLEDGE_MODELS: readonly string[] = ["bkt", "bkt-forget", "irt", "irt-2pl", "pfa", "best-lr", "best"];

/** Options common to every fit. */
export interface TracerFitOptions {
  readonly rng: Rng;
}

/** Fits the named model on learners' histories and returns its tracer. Deterministic for a given `rng` seed. */
export function fitTracer(model: string, histories: readonly LearnerHistory[], options: TracerFitOptions): KnowledgeTracer {
  switch (model) {
    case "bkt":
      return createBktTracer(fitBkt(histories, { rng: options.rng }));
    case "bkt-forget":
      return createBktTracer(fitBkt(histories, { rng: options.rng, forgetting: true }));
    case "irt":
      return createIrtTracer(fitIrtParams(histories, "1pl"));
    case "irt-2pl":
      return createIrtTracer(fitIrtParams(histories, "2pl"));
    case "pfa":
      return createLogisticTracer(fitLogisticParams(PFA_SPEC, histories, options.rng));
    case "best-lr":
      return createLogisticTracer(fitLogisticParams(BEST_LR_SPEC, histories, options.rng));
    case "best":
      return createLogisticTracer(fitLogisticParams(BEST_SPEC, histories, options.rng));
    default:
      throw new Error(`unknown knowledge model "${model}" (known: ${KNOWLEDGE_MODELS.join(", ")})`);
  }
}

/** Rebuilds a tracer from its serialized form (see {@link KnowledgeTracer.serialize}). */
export function loadTracer(serialized: SerializedModel): KnowledgeTracer {
  switch (serialized.model) {
    case "bkt":
    case "bkt-forget":
      checkVersion(serialized, BKT_FORMAT_VERSION);
      return createBktTracer(serialized.params as BktParams);
    case "irt":
    case "irt-2pl":
      checkVersion(serialized, IRT_FORMAT_VERSION);
      return createIrtTracer(serialized.params as IrtParams);
    case "pfa":
    case "best-lr":
    case "best":
      checkVersion(serialized, LOGISTIC_FORMAT_VERSION);
      return createLogisticTracer(serialized.params as LogisticParams);
    default:
      throw new Error(`cannot load unknown knowledge model "${serialized.model}"`);
  }
}

function checkVersion(serialized: SerializedModel, supported: number): void {
  if (serialized.version !== supported) {
    throw new Error(`${serialized.model} parameters have format version ${serialized.version}; this engine reads version ${supported}`);
  }
}
