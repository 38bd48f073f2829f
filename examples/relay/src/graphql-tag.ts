/** Stand-in for `graphql` from react-relay, so the example needs no React to type-check. */
export function graphql(strings: TemplateStringsArray): string {
  return strings.join('');
}
