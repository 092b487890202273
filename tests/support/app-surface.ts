// Everything a request can reach in the app, read from the code itself: every page, every route
// handler method and every server action. The authorization matrix (tests/authz/) compares this
// with the entries it declares, so a new page, route or action without an entry fails the build.
// The TypeScript parser reads the exports; nothing is imported or run.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const repoRoot = path.resolve(import.meta.dirname, "../..");
/** Where a `"use server"` module may live (Next accepts one anywhere it bundles). */
const SERVER_ACTION_DIRS = ["app", "components", "lib"];
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
const PAGE_FILE = /^page\.(tsx|ts|jsx|js|mdx)$/;
const ROUTE_FILE = /^route\.(ts|tsx|js|jsx)$/;
const SOURCE_FILE = /\.(tsx|ts|jsx|js|mjs)$/;

export type PageEntry = { file: string; route: string };
export type RouteHandlerEntry = { file: string; route: string; method: (typeof HTTP_METHODS)[number] };
export type ServerActionEntry = { file: string; exportName: string };

function walk(root: string, dir: string): string[] {
  let names: import("node:fs").Dirent[];
  try {
    names = readdirSync(path.join(root, dir), { withFileTypes: true });
  } catch {
    return [];
  }
  return names.flatMap((d) => {
    const rel = path.posix.join(dir, d.name);
    if (d.isDirectory()) return d.name === "node_modules" ? [] : walk(root, rel);
    return [rel];
  });
}

/**
 * The URL pattern a file under app/ serves: route groups `(x)` and parallel slots `@x` leave
 * no segment; `_private` folders are not routable (Next's convention), so they yield null.
 */
export function routeOf(file: string): string | null {
  const segments = path.posix.dirname(file).split("/").slice(1);
  if (segments.some((s) => s.startsWith("_"))) return null;
  const kept = segments.filter((s) => !(s.startsWith("(") && s.endsWith(")")) && !s.startsWith("@"));
  return `/${kept.join("/")}`;
}

const mentionsUseServer = (root: string, file: string) => readFileSync(path.join(root, file), "utf8").includes("use server");

function parse(root: string, file: string): ts.SourceFile {
  const text = readFileSync(path.join(root, file), "utf8");
  const kind = file.endsWith("x") ? ts.ScriptKind.TSX : file.endsWith(".js") || file.endsWith(".mjs") ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
}

const hasExport = (n: ts.Node) => ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
const hasDefault = (n: ts.Node) => ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);

/** The names a module exports as values (types and interfaces are not callable from a request). */
export function valueExports(file: string, root = repoRoot): string[] {
  const out: string[] = [];
  for (const st of parse(root, file).statements) {
    if (ts.isVariableStatement(st) && hasExport(st)) {
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) out.push(d.name.text);
    } else if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st)) && hasExport(st)) {
      out.push(hasDefault(st) ? "default" : (st.name?.text ?? "default"));
    } else if (ts.isExportDeclaration(st) && !st.isTypeOnly) {
      if (st.exportClause && ts.isNamedExports(st.exportClause)) {
        for (const el of st.exportClause.elements) if (!el.isTypeOnly) out.push(el.name.text);
      } else {
        // `export * from "..."`: names we cannot list without resolving the module. Say so
        // rather than miss them.
        out.push(`* from ${(st.moduleSpecifier as ts.StringLiteral | undefined)?.text ?? "?"}`);
      }
    } else if (ts.isExportAssignment(st)) {
      out.push("default");
    }
  }
  return out;
}

/** Whether a module's directive prologue says "use server" (then every export is an action). */
function isUseServerModule(sf: ts.SourceFile): boolean {
  for (const st of sf.statements) {
    if (!ts.isExpressionStatement(st) || !ts.isStringLiteral(st.expression)) return false;
    if (st.expression.text === "use server") return true;
  }
  return false;
}

// Each list reads the repository by default; tests point `root` at a made-up app.

/** Every page: app/**\/page.tsx, with the URL pattern it serves. */
export function listPages(root = repoRoot): PageEntry[] {
  return walk(root, "app")
    .filter((f) => PAGE_FILE.test(path.posix.basename(f)))
    .flatMap((file) => {
      const route = routeOf(file);
      return route ? [{ file, route }] : [];
    })
    .sort((a, b) => a.route.localeCompare(b.route));
}

/** Every route handler method: one entry per exported HTTP verb of app/**\/route.ts. */
export function listRouteHandlers(root = repoRoot): RouteHandlerEntry[] {
  return walk(root, "app")
    .filter((f) => ROUTE_FILE.test(path.posix.basename(f)))
    .flatMap((file) => {
      const route = routeOf(file);
      if (!route) return [];
      const exported = new Set(valueExports(file, root));
      return HTTP_METHODS.filter((m) => exported.has(m)).map((method) => ({ file, route, method }));
    })
    .sort((a, b) => `${a.route} ${a.method}`.localeCompare(`${b.route} ${b.method}`));
}

/** Every server action: each export of a module that starts with "use server". */
export function listServerActions(root = repoRoot): ServerActionEntry[] {
  return SERVER_ACTION_DIRS.flatMap((d) => walk(root, d))
    .filter((f) => SOURCE_FILE.test(f) && !/\.test\.[tj]sx?$/.test(f) && mentionsUseServer(root, f))
    .flatMap((file) => (isUseServerModule(parse(root, file)) ? valueExports(file, root).map((exportName) => ({ file, exportName })) : []))
    .sort((a, b) => `${a.file}#${a.exportName}`.localeCompare(`${b.file}#${b.exportName}`));
}

/**
 * `"use server"` inside a function body (an inline action in a component): Next makes it an
 * action too, but it has no module export to name. The matrix refuses them, so every action
 * stays in a "use server" module where it can be listed (and driven) by name.
 */
export function listInlineServerActions(root = repoRoot): Array<{ file: string; line: number }> {
  const out: Array<{ file: string; line: number }> = [];
  for (const file of SERVER_ACTION_DIRS.flatMap((d) => walk(root, d)).filter((f) => SOURCE_FILE.test(f) && mentionsUseServer(root, f))) {
    const sf = parse(root, file);
    const visit = (n: ts.Node) => {
      if (ts.isBlock(n) && n.parent && ts.isFunctionLike(n.parent)) {
        for (const st of n.statements) {
          if (!ts.isExpressionStatement(st) || !ts.isStringLiteral(st.expression)) break;
          if (st.expression.text === "use server") out.push({ file, line: sf.getLineAndCharacterOfPosition(st.getStart()).line + 1 });
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return out;
}
