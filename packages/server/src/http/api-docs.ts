import fs from "node:fs";
import path from "node:path";
import type { OpenAPIHono } from "@hono/zod-openapi";
import swaggerUi from "swagger-ui-dist";
import type { AppEnv } from "./app-env.ts";
import { PUBLIC, type RouteTable } from "./route.ts";

const DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Attune API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><main id="swagger-ui"></main>
<script src="/api/docs/swagger-ui-bundle.js"></script><script src="/api/docs/init.js"></script></body></html>`;

const DOCS_INIT = `window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#swagger-ui", withCredentials: true });`;

/** OpenAPI 3.1 generated from the contracts, and interactive docs served from local files (no CDN). */
export function registerApiDocs(app: OpenAPIHono<AppEnv>, routes: RouteTable) {
  app.openAPIRegistry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: "attune.session_token",
    description: "Session cookie set by POST /api/auth/sign-in/email",
  });
  routes.add("GET", "/api/openapi.json", PUBLIC);
  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Attune API",
      version: "0.1.0",
      description: "Every route states who may call it. Errors share one shape: { error: { code, message, details } }.",
    },
  });
  const assets = swaggerUi.getAbsoluteFSPath();
  routes.add("GET", "/api/docs", PUBLIC);
  app.get("/api/docs", (c) => c.html(DOCS_HTML));
  routes.add("GET", "/api/docs/*", PUBLIC);
  app.get("/api/docs/init.js", (c) => c.body(DOCS_INIT, 200, { "Content-Type": "text/javascript" }));
  for (const [file, type] of [
    ["swagger-ui.css", "text/css"],
    ["swagger-ui-bundle.js", "text/javascript"],
  ] as const) {
    app.get(`/api/docs/${file}`, (c) =>
      c.body(fs.readFileSync(path.join(assets, file)), 200, { "Content-Type": type, "Cache-Control": "public, max-age=86400" }),
    );
  }
}
