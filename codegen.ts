import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed documents for client/operations.graphql, checked for staleness by test/codegen.test.ts. */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['client/operations.graphql'],
  generates: {
    'client/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: 'string', URL: 'string', EmailAddress: 'string', JSONObject: 'Record<string, unknown>', _Any: 'Record<string, unknown>' } },
    },
  },
  hooks: {},
};

export default config;
