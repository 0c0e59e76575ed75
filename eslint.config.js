import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** The dependency rule of DESIGN.md: engine and content import nothing of ours; contract only content; web only contract (and engine). */
const boundary = (allowed) => {
  const all = ["engine", "content", "contract", "server", "web"];
  const forbidden = all.filter((p) => !allowed.includes(p));
  return {
    "no-restricted-imports": [
      "error",
      {
        patterns: forbidden.map((p) => ({
          group: [`@attune/${p}`, `@attune/${p}/*`, `**/packages/${p}/**`, `../../${p}/*`],
          message: `This package may not depend on @attune/${p} (see the dependency rule in docs/architecture.md).`,
        })),
      },
    ],
  };
};

export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/dist/**", "data/**", "test-results/**", "packages/content/scratch/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: "readonly", process: "readonly", crypto: "readonly", performance: "readonly", fetch: "readonly", Response: "readonly", Headers: "readonly", URL: "readonly", URLSearchParams: "readonly", setTimeout: "readonly", clearTimeout: "readonly", document: "readonly", window: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  { files: ["packages/engine/**"], rules: boundary(["engine"]) },
  { files: ["packages/content/**"], rules: boundary(["content"]) },
  { files: ["packages/contract/**"], rules: boundary(["contract", "content"]) },
  { files: ["packages/web/**"], rules: boundary(["web", "contract", "engine"]) },
  {
    // The web app takes only types from the contracts (values would bundle zod): constants come from ./constants.
    files: ["packages/web/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { paths: [{ name: "@attune/contract", allowTypeImports: true, message: "Import types only; values from @attune/contract/constants." }] },
      ],
    },
  },
  { files: ["packages/server/**"], rules: boundary(["server", "engine", "content", "contract"]) },
  {
    // Only config.ts reads the environment (house style: config is read once).
    files: ["packages/server/src/**"],
    ignores: ["packages/server/src/config.ts"],
    rules: { "no-restricted-syntax": ["error", { selector: "MemberExpression[object.name='process'][property.name='env']", message: "Read configuration through config.ts." }] },
  },
);
