/**
 * COC's `condition` expression (seed 002, request field `condition`): "Complex expressions may
 * contain parentheses (), ampersands (&), or vertical bars (|). Example: (filterName1 &
 * filterName2) | filterName3", each name "obtained from string_filters ObjectFilter.name".
 *
 * Grammar (`&` binds tighter than `|`, as in every boolean notation the example borrows from):
 *   expr   := term ('|' term)*
 *   term   := factor ('&' factor)*
 *   factor := NAME | '(' expr ')'
 * A NAME is any run of characters other than whitespace, `&`, `|`, `(` and `)`.
 */

export type ConditionNode =
  | { kind: 'name'; name: string }
  | { kind: 'and'; operands: ConditionNode[] }
  | { kind: 'or'; operands: ConditionNode[] };

export class ConditionSyntaxError extends Error {
  constructor(
    message: string,
    /** 0-based character offset where the problem was found. */
    readonly position: number,
  ) {
    super(`${message} at position ${position}`);
    this.name = 'ConditionSyntaxError';
  }
}

/** Nesting deeper than this is refused rather than risking the call stack. */
export const MAX_CONDITION_DEPTH = 100;

type Token = { type: 'name'; text: string; at: number } | { type: '&' | '|' | '(' | ')'; at: number };

export function tokenizeCondition(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '&' || ch === '|' || ch === '(' || ch === ')') {
      tokens.push({ type: ch, at: i });
      i++;
    } else {
      const start = i;
      while (i < text.length && !/[\s&|()]/.test(text[i] as string)) i++;
      tokens.push({ type: 'name', text: text.slice(start, i), at: start });
    }
  }
  return tokens;
}

export function parseCondition(text: string): ConditionNode {
  const tokens = tokenizeCondition(text);
  let index = 0;
  const peek = (): Token | undefined => tokens[index];
  const end = text.length;

  const parseExpr = (depth: number): ConditionNode => {
    const operands = [parseTerm(depth)];
    while (peek()?.type === '|') {
      index++;
      operands.push(parseTerm(depth));
    }
    return operands.length === 1 ? (operands[0] as ConditionNode) : { kind: 'or', operands };
  };

  const parseTerm = (depth: number): ConditionNode => {
    const operands = [parseFactor(depth)];
    while (peek()?.type === '&') {
      index++;
      operands.push(parseFactor(depth));
    }
    return operands.length === 1 ? (operands[0] as ConditionNode) : { kind: 'and', operands };
  };

  const parseFactor = (depth: number): ConditionNode => {
    const token = peek();
    if (!token) throw new ConditionSyntaxError('expected a filter name or "(" but the expression ended', end);
    if (token.type === 'name') {
      index++;
      return { kind: 'name', name: token.text };
    }
    if (token.type === '(') {
      if (depth >= MAX_CONDITION_DEPTH) throw new ConditionSyntaxError('parentheses nested too deeply', token.at);
      index++;
      const inner = parseExpr(depth + 1);
      const close = peek();
      if (close?.type !== ')') {
        throw new ConditionSyntaxError(`expected ")" to close the "(" at ${token.at}`, close?.at ?? end);
      }
      index++;
      return inner;
    }
    throw new ConditionSyntaxError(`unexpected "${token.type}"`, token.at);
  };

  if (tokens.length === 0) throw new ConditionSyntaxError('empty expression', 0);
  const tree = parseExpr(0);
  const rest = peek();
  if (rest) {
    const what = rest.type === 'name' ? `filter name "${rest.text}"` : `"${rest.type}"`;
    throw new ConditionSyntaxError(`unexpected ${what}; names must be joined by "&" or "|"`, rest.at);
  }
  return tree;
}

/** Every filter name the expression mentions, in order of first appearance. */
export function conditionNames(node: ConditionNode): string[] {
  const names: string[] = [];
  const visit = (n: ConditionNode): void => {
    if (n.kind === 'name') {
      if (!names.includes(n.name)) names.push(n.name);
    } else n.operands.forEach(visit);
  };
  visit(node);
  return names;
}

export function evaluateCondition(node: ConditionNode, holds: (name: string) => boolean): boolean {
  switch (node.kind) {
    case 'name':
      return holds(node.name);
    case 'and':
      return node.operands.every((operand) => evaluateCondition(operand, holds));
    case 'or':
      return node.operands.some((operand) => evaluateCondition(operand, holds));
  }
}

/** The expression back as text, fully parenthesised where precedence matters (for tests and logs). */
export function formatCondition(node: ConditionNode): string {
  if (node.kind === 'name') return node.name;
  const parts = node.operands.map((operand) =>
    operand.kind === 'name' || (node.kind === 'or' && operand.kind === 'and') ? formatCondition(operand) : `(${formatCondition(operand)})`,
  );
  return parts.join(node.kind === 'and' ? ' & ' : ' | ');
}
