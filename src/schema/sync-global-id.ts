/**
 * `t.globalID` (and so every Relay node's `id` field) without an async resolver. Pothos'
 * relay plugin wraps the id resolver in an `async` function, so each id is a promise: three
 * per node, and graphql-jit completes every node of a page on its asynchronous path (about 150
 * promises of a 50-ticket page's 480, counted with async_hooks). Same encoding (the builder's
 * `relay.encodeGlobalID`), same nullability; a resolver that returns a promise still works.
 * Imported by builder.ts before any type is defined.
 */
import { completeValue, RootFieldBuilder, type SchemaTypes } from '@pothos/core';
// Loaded first, so its own globalID is the one replaced here.
import '@pothos/plugin-relay';
import type { GraphQLResolveInfo } from 'graphql';

type Resolve = (parent: unknown, args: unknown, context: unknown, info: GraphQLResolveInfo) => unknown;

interface GlobalIdShape {
  type: unknown;
  id: string | number | bigint;
}

interface FieldBuilderInternals {
  builder: PothosSchemaTypes.SchemaBuilder<SchemaTypes>;
  field(options: Record<string, unknown>): unknown;
}

const proto = RootFieldBuilder.prototype as unknown as { globalID(this: FieldBuilderInternals, options: { resolve: Resolve }): unknown };

proto.globalID = function globalID(this: FieldBuilderInternals, { resolve, ...options }: { resolve: Resolve }) {
  const { builder } = this;
  const encode = builder.options.relay?.encodeGlobalID;
  if (!encode) throw new Error('relay.encodeGlobalID is not set (src/schema/builder.ts)');
  return this.field({
    ...options,
    type: 'ID',
    resolve: (parent: unknown, args: unknown, context: unknown, info: GraphQLResolveInfo) =>
      completeValue(resolve(parent, args, context, info), (result) => {
        if (!result || typeof result !== 'object') return result;
        const { type, id } = result as GlobalIdShape;
        const typename = builder.configStore.getTypeConfig(type as never).name;
        return encode(typename, String(id), context as never);
      }),
  });
};
