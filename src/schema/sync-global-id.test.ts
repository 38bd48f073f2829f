import { GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { printableSchema } from './index.js';

const expected = (inner: string) => Buffer.from(inner, 'utf8').toString('base64url');

describe('global id fields resolve synchronously', () => {
  const schema = printableSchema();
  const idOf = (typename: string, parent: unknown): unknown => {
    const type = schema.getType(typename);
    if (!(type instanceof GraphQLObjectType)) throw new Error(`${typename} is not an object type`);
    const resolve = type.getFields().id?.resolve;
    if (!resolve) throw new Error(`${typename}.id has no resolver`);
    return resolve(parent, {}, {}, {} as GraphQLResolveInfo);
  };

  it('Ticket.id is the encoded string itself, not a promise', () => {
    const id = idOf('Ticket', { sourceKey: 'cp', number: '100231' });
    expect(id).toBe(expected('Ticket:cp:100231'));
  });

  it('keeps the encoding of unusual numbers', () => {
    expect(idOf('Ticket', { sourceKey: 'akana', number: 'ticket1.acme/x y' })).toBe(expected('Ticket:akana:ticket1.acme%2Fx%20y'));
  });
});
