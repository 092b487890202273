import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The clinical engine is a library a clinician can read and any transport can call: no framework,
// database or Node imports under lib/clinical (conventions §1).
const enginePurity = {
  files: ["lib/clinical/**/*.ts"],
  ignores: ["lib/clinical/**/*.test.ts"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          { group: ["next", "next/*", "react", "react/*", "react-dom", "react-dom/*"], message: "lib/clinical is framework-free." },
          { group: ["drizzle-orm", "drizzle-orm/*", "postgres", "@electric-sql/*", "@/db", "@/db/*"], message: "lib/clinical never touches the database." },
          { group: ["node:*", "fs", "path", "os", "crypto", "child_process"], message: "lib/clinical is pure: no Node APIs." },
          { group: ["@/lib/*", "!@/lib/clinical", "!@/lib/clinical/*"], message: "lib/clinical depends on nothing else in the app." },
        ],
      },
    ],
  },
};

// The RTM worksheet (lib/rtm) is the same kind of pure library; date-fns is allowed for date maths.
const rtmPurity = {
  files: ["lib/rtm/**/*.ts"],
  ignores: ["lib/rtm/**/*.test.ts"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          { group: ["next", "next/*", "react", "react/*", "react-dom", "react-dom/*"], message: "lib/rtm is framework-free." },
          { group: ["drizzle-orm", "drizzle-orm/*", "postgres", "@electric-sql/*", "@/db", "@/db/*"], message: "lib/rtm never touches the database." },
          { group: ["node:*", "fs", "path", "os", "crypto", "child_process"], message: "lib/rtm is pure: no Node APIs." },
          { group: ["@/lib/*"], message: "lib/rtm depends on nothing else in the app." },
        ],
      },
    ],
  },
};

const config = [
  { ignores: [".next/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "db/migrations/**"] },
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  enginePurity,
  rtmPurity,
  // Playwright fixtures call their callback `use`; it is not a React hook.
  { files: ["tests/e2e/**/*.ts"], rules: { "react-hooks/rules-of-hooks": "off" } },
];

export default config;
