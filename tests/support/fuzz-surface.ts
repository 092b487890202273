import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

// What a caller can reach, read from the source rather than listed by hand, so a new server
// action or route handler without a fuzz spec fails the fuzz tests (tests/integration/fuzz-*.test.ts).
// Keys are "<file relative to the repository>#<export>", e.g. "app/(clinic)/patients/actions.ts#createPatientAction".

const root = path.resolve(import.meta.dirname, "../..");
const HTTP_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return sourceFiles(rel);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [rel] : [];
  });
}

const parse = (file: string) => ts.createSourceFile(file, readFileSync(path.join(root, file), "utf8"), ts.ScriptTarget.Latest, true);

/** The file opens with the "use server" directive: every export is a server action. */
function isServerModule(sf: ts.SourceFile): boolean {
  const first = sf.statements[0];
  return !!first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === "use server";
}

/** Names a module exports at run time (types excluded). */
function exportedNames(sf: ts.SourceFile): string[] {
  const names: string[] = [];
  const exported = (n: ts.Node) => ts.canHaveModifiers(n) && !!ts.getModifiers(n)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && exported(st) && st.name) names.push(st.name.text);
    else if (ts.isVariableStatement(st) && exported(st)) {
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) names.push(d.name.text);
    } else if (ts.isExportDeclaration(st) && !st.isTypeOnly && st.exportClause && ts.isNamedExports(st.exportClause)) {
      for (const e of st.exportClause.elements) if (!e.isTypeOnly) names.push(e.name.text);
    }
  }
  return names;
}

/** Every exported function of a "use server" file under app/. */
export function listServerActions(): string[] {
  return sourceFiles("app").flatMap((f) => {
    const sf = parse(f);
    return isServerModule(sf) ? exportedNames(sf).map((n) => `${f}#${n}`) : [];
  });
}

/** Every HTTP method a route.ts under app/ exports (app/api/** and the PDF routes beside pages). */
export function listRouteHandlers(): string[] {
  return sourceFiles("app")
    .filter((f) => /\/route\.tsx?$/.test(f))
    .flatMap((f) => exportedNames(parse(f)).filter((n) => HTTP_METHODS.has(n)).map((n) => `${f}#${n}`));
}

/**
 * Files with an inline "use server" (an action defined inside a component): not reachable as a
 * module export, so the fuzz cannot drive them; the fuzz test expects none.
 */
export function listInlineServerActionFiles(): string[] {
  return sourceFiles("app").filter((f) => {
    const sf = parse(f);
    if (isServerModule(sf)) return false;
    let found = false;
    const visit = (n: ts.Node) => {
      if (ts.isBlock(n)) {
        const first = n.statements[0];
        if (first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === "use server") found = true;
      }
      if (!found) ts.forEachChild(n, visit);
    };
    visit(sf);
    return found;
  });
}
