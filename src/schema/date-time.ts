/**
 * graphql-scalars' DateTime, serialized to its text during execution. graphql-scalars hands
 * the Date object itself to the response and leaves the text to JSON.stringify's `toJSON`
 * call, which puts the whole response on V8's slow stringify path: a 50-ticket page took
 * 86 µs to stringify instead of 23 µs (bench/README.md, issue 19). The text is the same
 * (`toJSON` is `toISOString`); input parsing, the description and specifiedByURL are
 * graphql-scalars' own.
 */
import { GraphQLScalarType } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  ...DateTimeResolver.toConfig(),
  serialize(value) {
    const date = DateTimeResolver.serialize(value) as Date;
    // A number past the Date range gives an invalid Date, which JSON would have written as
    // null in a non-null field: a field error (masked) instead.
    if (Number.isNaN(date.getTime())) throw new Error('DateTime cannot represent an invalid date');
    return date.toISOString();
  },
});
