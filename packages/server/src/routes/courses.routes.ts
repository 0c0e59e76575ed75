import { CourseListSchema } from "@attune/contract";
import { listCourses } from "../courses/courses.service.ts";
import type { RouteRegistrar } from "../http/registrar.ts";
import { SIGNED_IN } from "../http/route.ts";
import { responses } from "./responses.ts";

export function registerCourseRoutes({ route, deps }: RouteRegistrar) {
  route(SIGNED_IN, {
    method: "get",
    path: "/api/courses",
    tags: ["courses"],
    summary: "The courses installed on this server",
    responses: responses(CourseListSchema, "Courses"),
  })(async (c) => c.json({ items: await listCourses(deps) }, 200));
}
