/**
 * Variables the operation's types refuse (`$n: Int!` given "x") are answered by graphql-js
 * before execution with an error that has no `extensions.code`, unlike every other error a
 * client gets from the gateway. Such an error is located on the variable's definition and has
 * no path; it gets BAD_USER_INPUT (reason INVALID_VARIABLE), message and location unchanged.
 */
import { GraphQLError, Kind } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ErrorCode } from '../errors.js';

export const INVALID_VARIABLE = 'INVALID_VARIABLE';

function isVariableCoercionError(error: GraphQLError): boolean {
  return error.path === undefined && error.extensions.code === undefined && (error.nodes?.[0]?.kind ?? null) === Kind.VARIABLE_DEFINITION;
}

export function withVariableErrorCodes(errors: readonly GraphQLError[]): GraphQLError[] | null {
  if (!errors.some(isVariableCoercionError)) return null;
  return errors.map((error) =>
    isVariableCoercionError(error)
      ? new GraphQLError(error.message, {
          nodes: error.nodes ?? null,
          source: error.source ?? null,
          positions: error.positions ?? null,
          originalError: error.originalError ?? null,
          extensions: { ...error.extensions, code: ErrorCode.BAD_USER_INPUT, reason: INVALID_VARIABLE },
        })
      : error,
  );
}

export function useVariableErrorCodes(): Plugin {
  return {
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result || !result.errors) return;
          const errors = withVariableErrorCodes(result.errors);
          if (errors) setResult({ ...result, errors });
        },
      };
    },
  };
}
