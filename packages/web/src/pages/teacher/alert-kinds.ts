import type { Alert } from "@attune/contract";

/** The alert kinds in the order the filter lists them (the contract's ALERT_KINDS, kept free of zod for the bundle). */
export const ALERT_KINDS_LIST = ["wheel-spinning", "falling-mastery", "inactive", "plan-behind", "rapid-guessing", "hint-abuse"] as const satisfies readonly Alert["kind"][];
