export * from "./common.ts";
export * from "./people.ts";
export * from "./classes.ts";
export * from "./audit.ts";
export * from "./courses.ts";
export * from "./learning.ts";
export * from "./teaching.ts";
