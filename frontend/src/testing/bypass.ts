// Texts written in TypeScript that reach people: string and template literals with letters that flow into
// what a page shows or speaks (text content, text attributes, dialogs, children of the h() element
// helper), also through consts, helper functions that return them, and parameters of helpers that show
// them. A text that comes from a translator or the story point is a call, and is not followed.
import ts from 'typescript';
import { constValue, declarationOf, fileOf, nodes, parameterPlace, sources, unwrap, where } from './source';

/** Properties of elements (and the document) whose text people read or hear. */
const TEXT_PROPERTIES = new Set([
  'textContent',
  'innerText',
  'innerHTML',
  'outerHTML',
  'title',
  'placeholder',
  'alt',
  'label',
  'ariaLabel',
  'ariaValueText',
  'ariaDescription',
  'ariaRoleDescription',
  'ariaPlaceholder',
]);

/** Attributes whose text people read or hear. */
const TEXT_ATTRIBUTES = new Set([
  'title',
  'placeholder',
  'alt',
  'label',
  'aria-label',
  'aria-valuetext',
  'aria-description',
  'aria-roledescription',
  'aria-placeholder',
]);

/** Input types that show their value as the text of a button. */
const BUTTON_INPUTS = new Set(['button', 'submit', 'reset']);

/** Methods of nodes whose arguments become text of the page. */
const NODE_METHODS = new Set(['append', 'prepend', 'replaceChildren', 'before', 'after', 'replaceWith']);

/** A text for people in the code, where it is and the sink it reaches. */
export interface Finding {
  file: string;
  at: string;
  text: string;
}

/** Whether a text needs words of a language (has a letter), as opposed to punctuation, digits or symbols. */
export function hasWords(text: string): boolean {
  return /\p{L}/u.test(text);
}

export function bypasses(): Finding[] {
  const { checker } = sources();
  const sinks: ts.Expression[] = [];
  const isNode = (e: ts.Expression) => checker.getTypeAtLocation(e).getProperty('nodeType') !== undefined;
  const isDomHelper = (callee: ts.Expression, name: string) => {
    const declaration = declarationOf(callee);
    return (
      declaration !== undefined &&
      ts.isFunctionDeclaration(declaration) &&
      declaration.name?.text === name &&
      fileOf(declaration) === 'form/dom.ts'
    );
  };

  for (const node of nodes()) {
    if (
      ts.isBinaryExpression(node) &&
      (node.operatorToken.kind === ts.SyntaxKind.EqualsToken ||
        node.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken) &&
      ts.isPropertyAccessExpression(node.left) &&
      TEXT_PROPERTIES.has(node.left.name.text)
    ) {
      sinks.push(node.right);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee)
        ? callee.text
        : ts.isPropertyAccessExpression(callee)
          ? callee.name.text
          : '';
      const receiver = ts.isPropertyAccessExpression(callee) ? callee.expression : null;
      if (isDomHelper(callee, 'h')) {
        const [tag, attrs, ...children] = node.arguments;
        sinks.push(...children, ...textAttributes(attrs, stringOf(tag) === 'input'));
      } else if (isDomHelper(callee, 'append')) {
        sinks.push(...node.arguments.slice(1));
      } else if (['confirm', 'alert', 'prompt'].includes(name) && (!receiver || isWindow(receiver))) {
        sinks.push(...node.arguments);
      } else if (receiver && name === 'setAttribute') {
        const [attribute, value] = node.arguments;
        if (attribute && value && TEXT_ATTRIBUTES.has(stringOf(attribute) ?? '')) {
          sinks.push(value);
        }
      } else if (receiver && NODE_METHODS.has(name) && isNode(receiver)) {
        sinks.push(...node.arguments);
      } else if (receiver && ['createTextNode', 'insertAdjacentText', 'insertAdjacentHTML'].includes(name)) {
        sinks.push(...node.arguments.slice(name === 'createTextNode' ? 0 : 1));
      }
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
      if (['Option', 'Text'].includes(node.expression.text)) {
        sinks.push(...(node.arguments ?? []).slice(0, 1));
      }
    }
  }

  const findings = new Map<string, Finding>();
  const seen = new Set<ts.Node>();
  const queue = [...sinks];
  while (queue.length > 0) {
    const expression = queue.pop() as ts.Expression;
    for (const part of textParts(expression, seen, queue)) {
      if (hasWords(part.text)) {
        const finding = { file: fileOf(part.node), at: where(part.node), text: part.text };
        findings.set(`${finding.at} ${finding.text}`, finding);
      }
    }
  }
  return [...findings.values()].sort((a, b) => a.at.localeCompare(b.at, 'en', { numeric: true }));
}

function isWindow(e: ts.Expression): boolean {
  return ts.isIdentifier(e) && (e.text === 'window' || e.text === 'globalThis');
}

function stringOf(e: ts.Expression): string | undefined {
  const u = unwrap(e);
  return ts.isStringLiteral(u) || ts.isNoSubstitutionTemplateLiteral(u) ? u.text : undefined;
}

/** The values of the text attributes in an h() attribute object (and the value of a button input). */
function textAttributes(attrs: ts.Expression | undefined, input: boolean): ts.Expression[] {
  const object = attrs ? (constValue(unwrap(attrs)) ?? unwrap(attrs)) : undefined;
  if (!object || !ts.isObjectLiteralExpression(object)) {
    return [];
  }
  const value = (name: string) =>
    object.properties.find(
      (p): p is ts.PropertyAssignment =>
        ts.isPropertyAssignment(p) &&
        (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) &&
        p.name.text === name,
    )?.initializer;
  const type = value('type');
  const button = input && type !== undefined && BUTTON_INPUTS.has(stringOf(type) ?? '');
  return object.properties.flatMap((p) => {
    if (!ts.isPropertyAssignment(p)) {
      return [];
    }
    const name = ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) ? p.name.text : '';
    return TEXT_ATTRIBUTES.has(name) || (button && name === 'value') ? [p.initializer] : [];
  });
}

/**
 * The literal texts that an expression shows as they are: its string literals and the fixed parts of its
 * templates, through conditions, concatenation, consts, and the return values of the application's own
 * functions. A parameter of one of its functions makes every call's argument a sink too ({@code queue}).
 */
function textParts(
  expression: ts.Expression,
  seen: Set<ts.Node>,
  queue: ts.Expression[],
): { node: ts.Node; text: string }[] {
  if (seen.has(expression)) {
    return [];
  }
  seen.add(expression);
  const e = unwrap(expression);
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) {
    return [{ node: e, text: e.text }];
  }
  if (ts.isTemplateExpression(e)) {
    return [
      { node: e, text: [e.head.text, ...e.templateSpans.map((s) => s.literal.text)].join(' ') },
      ...e.templateSpans.flatMap((s) => textParts(s.expression, seen, queue)),
    ];
  }
  if (ts.isConditionalExpression(e)) {
    return [...textParts(e.whenTrue, seen, queue), ...textParts(e.whenFalse, seen, queue)];
  }
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    if (
      op === ts.SyntaxKind.PlusToken ||
      op === ts.SyntaxKind.QuestionQuestionToken ||
      op === ts.SyntaxKind.BarBarToken
    ) {
      return [...textParts(e.left, seen, queue), ...textParts(e.right, seen, queue)];
    }
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) {
      return textParts(e.right, seen, queue);
    }
    return [];
  }
  if (ts.isArrayLiteralExpression(e)) {
    return e.elements.flatMap((x) => (ts.isSpreadElement(x) ? [] : textParts(x, seen, queue)));
  }
  if (ts.isCallExpression(e)) {
    const callee = e.expression;
    // [a, 'b'].join(', ') and text.trim(): what they are called on is shown
    if (ts.isPropertyAccessExpression(callee) && ['join', 'trim', 'concat'].includes(callee.name.text)) {
      return [
        ...textParts(callee.expression, seen, queue),
        ...e.arguments.flatMap((a) => (callee.name.text === 'concat' ? textParts(a, seen, queue) : [])),
      ];
    }
    return returned(e, seen, queue);
  }
  if (ts.isPropertyAccessExpression(e) || ts.isIdentifier(e)) {
    if (!mayBeText(e)) {
      return [];
    }
    // a property of an object the application makes: what its object literals give it
    const symbol = sources().checker.getSymbolAtLocation(ts.isPropertyAccessExpression(e) ? e.name : e);
    for (const value of (symbol && propertyValues().get(symbol)) ?? []) {
      queue.push(value);
    }
  }
  if (ts.isIdentifier(e)) {
    if (!mayBeText(e)) {
      return [];
    }
    const value = constValue(e);
    if (value) {
      return textParts(value, seen, queue);
    }
    const declaration = declarationOf(e);
    if (declaration && ts.isParameter(declaration) && ts.isIdentifier(declaration.name)) {
      queue.push(...argumentsFor(declaration));
    }
  }
  return [];
}

/** Whether an expression, as its type is narrowed there, can be a string. */
function mayBeText(e: ts.Expression): boolean {
  const type = sources().checker.getTypeAtLocation(e);
  const parts = type.isUnion() ? type.types : [type];
  return parts.some((t) => t.flags & (ts.TypeFlags.StringLike | ts.TypeFlags.Any | ts.TypeFlags.Unknown));
}

/** The texts that one of the application's own functions returns as they are. */
function returned(
  call: ts.CallExpression,
  seen: Set<ts.Node>,
  queue: ts.Expression[],
): { node: ts.Node; text: string }[] {
  let declaration = declarationOf(call.expression);
  if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer) {
    declaration = declaration.initializer as unknown as ts.Declaration;
  }
  if (
    !declaration ||
    !(
      ts.isFunctionDeclaration(declaration) ||
      ts.isArrowFunction(declaration) ||
      ts.isFunctionExpression(declaration) ||
      ts.isMethodDeclaration(declaration)
    ) ||
    !declaration.body ||
    !sources().files.includes(declaration.getSourceFile())
  ) {
    return [];
  }
  if (!ts.isBlock(declaration.body)) {
    return textParts(declaration.body, seen, queue);
  }
  const body = declaration.body;
  const results: ts.Expression[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isReturnStatement(n) && n.expression) {
      results.push(n.expression);
    } else if (!ts.isFunctionLike(n)) {
      ts.forEachChild(n, visit);
    }
  };
  ts.forEachChild(body, visit);
  return results.flatMap((r) => textParts(r, seen, queue));
}

/** The arguments given for a parameter in every call of its function in the application. */
function argumentsFor(parameter: ts.ParameterDeclaration): ts.Expression[] {
  const { callee, index } = parameterPlace(parameter);
  const callees = [callee, ...membersImplementedBy(parameter.parent)];
  return callees
    .flatMap((callee) => callsOf().get(callee) ?? [])
    .flatMap((call) =>
      parameter.dotDotDotToken ? call.arguments.slice(index) : call.arguments.slice(index, index + 1),
    );
}

/**
 * The members of an interface that a function in an object literal implements ({@code title: (text) =>
 * ...} in a value of type Ctx): calls go to those.
 */
function membersImplementedBy(fn: ts.SignatureDeclaration): ts.Declaration[] {
  const property = ts.isMethodDeclaration(fn) ? fn : ts.isPropertyAssignment(fn.parent) ? fn.parent : null;
  if (!property || !ts.isObjectLiteralExpression(property.parent) || !property.name) {
    return [];
  }
  const type = sources().checker.getContextualType(property.parent);
  const name = ts.isIdentifier(property.name) || ts.isStringLiteral(property.name) ? property.name.text : '';
  return type?.getProperty(name)?.declarations ?? [];
}

let byProperty: Map<ts.Symbol, ts.Expression[]> | null = null;

/** The values that the application's object literals give each property of a type (by its symbol). */
function propertyValues(): Map<ts.Symbol, ts.Expression[]> {
  if (!byProperty) {
    const map = new Map<ts.Symbol, ts.Expression[]>();
    const { checker } = sources();
    for (const node of nodes()) {
      if (!ts.isObjectLiteralExpression(node)) {
        continue;
      }
      const type = checker.getContextualType(node);
      const parts = type ? (type.isUnion() ? type.types : [type]) : [];
      for (const p of node.properties) {
        if (!ts.isPropertyAssignment(p) || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) {
          continue;
        }
        for (const part of parts) {
          const symbol = part.getProperty(p.name.text);
          if (symbol) {
            map.set(symbol, [...(map.get(symbol) ?? []), p.initializer]);
          }
        }
      }
    }
    byProperty = map;
  }
  return byProperty;
}

let byCallee: Map<ts.Declaration, ts.CallExpression[]> | null = null;

/** The calls of the application, by the declaration of what they call. */
function callsOf(): Map<ts.Declaration, ts.CallExpression[]> {
  if (!byCallee) {
    byCallee = new Map();
    for (const node of nodes()) {
      const declaration = ts.isCallExpression(node) ? declarationOf(node.expression) : undefined;
      if (declaration) {
        byCallee.set(declaration, [...(byCallee.get(declaration) ?? []), node as ts.CallExpression]);
      }
    }
  }
  return byCallee;
}
