import type { Deps } from "./app-env.ts";
import type { routeDeclarer } from "./route.ts";

/** What a routes module gets: a way to declare routes and the services' dependencies. */
export type RouteRegistrar = { route: ReturnType<typeof routeDeclarer>; deps: Deps };
