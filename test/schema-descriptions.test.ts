/**
 * A code generator (and a person in GraphiQL) gets a description for every type, field,
 * argument, input field and enum value of the public schema: this walks the introspection
 * result and lists whatever has none.
 */
import { graphqlSync, getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../src/schema/index.js';

const BUILT_IN = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);
/** Apollo Federation's own (subgraph-only) types and fields, described by its spec. */
const isFederation = (name: string) => name.startsWith('_') || name.startsWith('link__') || name === 'FieldSet';

function missingDescriptions(introspection: IntrospectionQuery): string[] {
  const missing: string[] = [];
  const need = (path: string, description: string | null | undefined) => {
    if (!description || description.trim() === '') missing.push(path);
  };
  for (const type of introspection.__schema.types) {
    if (type.name.startsWith('__') || BUILT_IN.has(type.name) || isFederation(type.name)) continue;
    need(type.name, type.description);
    if (type.kind === 'OBJECT' || type.kind === 'INTERFACE') {
      for (const field of type.fields) {
        if (isFederation(field.name)) continue;
        need(`${type.name}.${field.name}`, field.description);
        for (const arg of field.args) need(`${type.name}.${field.name}(${arg.name})`, arg.description);
      }
    }
    if (type.kind === 'INPUT_OBJECT') for (const field of type.inputFields) need(`${type.name}.${field.name}`, field.description);
    if (type.kind === 'ENUM') for (const value of type.enumValues) need(`${type.name}.${value.name}`, value.description);
  }
  return missing;
}

describe('schema descriptions', () => {
  it('every type, field, argument, input field and enum value is described', () => {
    const result = graphqlSync({ schema: buildSchema(), source: getIntrospectionQuery({ inputValueDeprecation: true }) });
    expect(result.errors).toBeUndefined();
    expect(missingDescriptions(result.data as unknown as IntrospectionQuery)).toEqual([]);
  });
});
