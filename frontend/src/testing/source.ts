// The frontend's own TypeScript (src/**/*.ts without tests), read with the TypeScript compiler and its type
// checker, for the tests that check texts: which translation keys the code uses, and which texts it
// shows that do not come from a catalogue.
import ts from 'typescript';

const root = ts.sys.resolvePath('src');

/** A place in the source, as "werkplek/views/story.ts:12". */
export function where(node: ts.Node): string {
  const file = node.getSourceFile();
  const { line } = file.getLineAndCharacterOfPosition(node.getStart());
  return `${file.fileName.slice(root.length + 1)}:${line + 1}`;
}

/** The file of a node relative to src, as "werkplek/views/story.ts". */
export function fileOf(node: ts.Node): string {
  return node.getSourceFile().fileName.slice(root.length + 1);
}

let cached: { program: ts.Program; checker: ts.TypeChecker; files: ts.SourceFile[] } | null = null;

/** The program over the application's sources (tests and test helpers left out). */
export function sources(): { program: ts.Program; checker: ts.TypeChecker; files: ts.SourceFile[] } {
  if (cached) {
    return cached;
  }
  const config = ts.readConfigFile(ts.sys.resolvePath('tsconfig.json'), (path) => ts.sys.readFile(path));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ts.sys.resolvePath('.'));
  const names = parsed.fileNames.filter((name) => isApplication(name));
  const program = ts.createProgram(names, { ...parsed.options, noEmit: true });
  const files = program.getSourceFiles().filter((f) => isApplication(f.fileName));
  cached = { program, checker: program.getTypeChecker(), files };
  return cached;
}

function isApplication(name: string): boolean {
  return (
    name.startsWith(`${root}/`) &&
    name.endsWith('.ts') &&
    !name.endsWith('.d.ts') &&
    !name.endsWith('.test.ts') &&
    !name.startsWith(`${root}/testing/`)
  );
}

/** Every node of the application's sources. */
export function* nodes(): Generator<ts.Node> {
  for (const file of sources().files) {
    const stack: ts.Node[] = [file];
    while (stack.length > 0) {
      const node = stack.pop() as ts.Node;
      yield node;
      ts.forEachChild(node, (child) => {
        stack.push(child);
      });
    }
  }
}

/** The declaration a name stands for, through imports and renames. */
export function declarationOf(node: ts.Node): ts.Declaration | undefined {
  const { checker } = sources();
  let symbol = checker.getSymbolAtLocation(node);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) {
    symbol = checker.getAliasedSymbol(symbol);
  }
  return symbol?.valueDeclaration ?? symbol?.declarations?.[0];
}

/**
 * Where a parameter is: the declaration that calls of its function resolve to (the const for an arrow
 * function held in one), and its position.
 */
export function parameterPlace(parameter: ts.ParameterDeclaration): {
  callee: ts.Declaration;
  index: number;
} {
  const fn = parameter.parent;
  const callee =
    (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isVariableDeclaration(fn.parent)
      ? fn.parent
      : fn;
  return { callee, index: fn.parameters.indexOf(parameter) };
}

/** A const's initializer, when {@code node} names a const declared with one. */
export function constValue(node: ts.Expression): ts.Expression | undefined {
  if (!ts.isIdentifier(node)) {
    return undefined;
  }
  const declaration = declarationOf(node);
  if (
    declaration &&
    ts.isVariableDeclaration(declaration) &&
    declaration.initializer &&
    ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const
  ) {
    return declaration.initializer;
  }
  return undefined;
}

/** The expression without parentheses, type assertions and non-null marks around it. */
export function unwrap(node: ts.Expression): ts.Expression {
  let e = node;
  while (
    ts.isParenthesizedExpression(e) ||
    ts.isAsExpression(e) ||
    ts.isSatisfiesExpression(e) ||
    ts.isNonNullExpression(e) ||
    ts.isTypeAssertionExpression(e)
  ) {
    e = e.expression;
  }
  return e;
}

/** The string values of a type that is a (union of) string literal(s), or null for any other type. */
export function stringValues(type: ts.Type): string[] | null {
  const parts = type.isUnion() ? type.types : [type];
  const values: string[] = [];
  for (const part of parts) {
    if (!part.isStringLiteral()) {
      return null;
    }
    values.push(part.value);
  }
  return values;
}
