// The translation keys the application uses: every call of a translator (t, w, v, c, tt, and the page
// translators made with `translator`, under whatever name they are imported), and of a function that
// passes its parameter on to one as the key, with the keys its argument can take, as far as the code says.
import ts from 'typescript';
import {
  constValue,
  declarationOf,
  nodes,
  parameterPlace,
  sources,
  stringValues,
  unwrap,
  where,
} from './source';

/** What one key argument can be: known keys, and key patterns built at run time (`kind.${kind}`). */
export interface KeyUse {
  /** The catalogues the key is looked up in (more than one for a function over several translators). */
  catalogues: string[];
  at: string;
  keys: string[];
  /** Keys built from a text the code does not know in advance, as "kind.*"; the stars stand for any text. */
  patterns: string[];
  /** The argument could not be followed to keys or patterns. */
  unresolved: boolean;
}

/** The translators of the application, by declaration, with the name of their catalogue. */
export function translators(): Map<ts.Declaration, string> {
  const found = new Map<ts.Declaration, string>();
  for (const node of nodes()) {
    if (
      ts.isVariableDeclaration(node) &&
      node.initializer &&
      ts.isCallExpression(node.initializer) &&
      ts.isIdentifier(node.initializer.expression) &&
      node.initializer.expression.text === 'translator'
    ) {
      const [arg] = node.initializer.arguments;
      const nl =
        arg && ts.isObjectLiteralExpression(arg)
          ? arg.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === 'nl')
          : undefined;
      const name = nl?.name ? catalogueOf(nl.name) : null;
      if (name === null) {
        throw new Error(`${where(node)}: a translator whose Dutch catalogue is not an imported JSON file`);
      }
      found.set(node, name);
    }
  }
  return found;
}

/** The catalogue name of an imported catalogue ('werkplek.' for '../i18n/werkplek.nl.json'). */
function catalogueOf(name: ts.Node): string | null {
  const { checker } = sources();
  const symbol = ts.isShorthandPropertyAssignment(name.parent)
    ? checker.getShorthandAssignmentValueSymbol(name.parent)
    : checker.getSymbolAtLocation(name);
  const declaration = symbol?.declarations?.[0];
  const clause = declaration && ts.isImportClause(declaration) ? declaration : undefined;
  const specifier = clause?.parent.moduleSpecifier;
  if (!specifier || !ts.isStringLiteral(specifier)) {
    return null;
  }
  const match = /\/i18n\/(.*?)nl\.json$/.exec(specifier.text);
  return match ? match[1] : null;
}

/** A function that passes one of its parameters on to translators as the key. */
interface Wrapper {
  index: number;
  catalogues: Set<string>;
}

/** Every call of a translator or of a function that passes its key on to one, with what its key can be. */
export function keyUses(): KeyUse[] {
  const calls = [...nodes()].filter(ts.isCallExpression);
  const keyed = new Map<ts.Declaration, Wrapper>(
    [...translators()].map(([declaration, catalogue]) => [
      declaration,
      { index: 0, catalogues: new Set([catalogue]) },
    ]),
  );
  // a function that passes its parameter to a translator is a translator too, over the same catalogues
  let uses: KeyUse[] = [];
  let wrappers = -1;
  while (wrappers !== keyed.size) {
    wrappers = keyed.size;
    uses = [];
    for (const call of calls) {
      const declaration = declarationOf(call.expression);
      const wrapper = declaration ? keyed.get(declaration) : undefined;
      const arg = wrapper ? call.arguments[wrapper.index] : undefined;
      if (!wrapper || !arg) {
        continue;
      }
      const use: KeyUse = {
        catalogues: [...wrapper.catalogues],
        at: where(call),
        keys: [],
        patterns: [],
        unresolved: false,
      };
      const parameter = passedParameter(arg);
      if (parameter) {
        const known = keyed.get(parameter.fn) ?? { index: parameter.index, catalogues: new Set<string>() };
        wrapper.catalogues.forEach((c) => known.catalogues.add(c));
        keyed.set(parameter.fn, known);
      } else {
        follow(arg, use, 0);
        uses.push(use);
      }
    }
  }
  return uses;
}

/** The function and position of a parameter that {@code arg} passes on as it is. */
function passedParameter(arg: ts.Expression): { fn: ts.Declaration; index: number } | null {
  const e = unwrap(arg);
  const declaration = ts.isIdentifier(e) ? declarationOf(e) : undefined;
  if (!declaration || !ts.isParameter(declaration)) {
    return null;
  }
  const { callee, index } = parameterPlace(declaration);
  return { fn: callee, index };
}

function follow(expression: ts.Expression, use: KeyUse, depth: number): void {
  const e = unwrap(expression);
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) {
    use.keys.push(e.text);
  } else if (ts.isConditionalExpression(e)) {
    follow(e.whenTrue, use, depth);
    follow(e.whenFalse, use, depth);
  } else if (ts.isTemplateExpression(e)) {
    template(e, use);
  } else if (constValue(e) && depth < 5) {
    follow(constValue(e) as ts.Expression, use, depth + 1);
  } else {
    use.unresolved = true;
  }
}

/** A key built from parts: every key where each part is a known set of texts, a pattern otherwise. */
function template(e: ts.TemplateExpression, use: KeyUse): void {
  const { checker } = sources();
  let keys: string[] | null = [e.head.text];
  let pattern = e.head.text;
  for (const span of e.templateSpans) {
    const values = stringValues(checker.getTypeAtLocation(span.expression));
    keys = keys && values ? keys.flatMap((k) => values.map((v) => k + v + span.literal.text)) : null;
    pattern += `*${span.literal.text}`;
  }
  if (keys) {
    use.keys.push(...keys);
  } else {
    use.patterns.push(pattern);
  }
}

/** Whether a key fits a pattern such as "kind.*" (a star stands for any text). */
export function fits(key: string, pattern: string): boolean {
  const regex = new RegExp(`^${pattern.split('*').map(escape).join('.+')}$`);
  return regex.test(key);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
