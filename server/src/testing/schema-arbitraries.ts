import fc from 'fast-check';

/** The JSON Schema (2020-12, as OpenAPI 3.1 carries it) subset the API's zod schemas turn into. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
}

/** Values a hostile or broken client sends in place of any field. */
export const uglyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    '',
    '   ',
    '\u0000',
    'a\u0000b',
    '\ud800',
    '\u202Eabc',
    '🎸'.repeat(3000),
    'x'.repeat(20_000),
    '0000-01-01',
    '9999-99-99',
    '1e309',
    -1,
    0,
    1.5,
    1e308,
    -1e308,
    18446744073709551616,
    true,
    null,
    [],
    ['a'],
    {},
    { $gt: '' },
  ),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

/**
 * Values offered in place of a generated one for a field or parameter of that name: ids of real
 * things, and values whose rules JSON Schema cannot say (half-star ratings, real dates).
 */
export type KnownValues = Record<string, readonly unknown[]>;

const typesOf = (schema: JsonSchema): string[] => (schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type]);

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = Math.max(min, Math.min(schema.maxLength ?? 60, 300));
  if (schema.pattern) {
    try {
      const re = new RegExp(schema.pattern);
      return fc.stringMatching(re).filter((s) => s.length >= min && s.length <= (schema.maxLength ?? Infinity) && re.test(s));
    } catch {
      // A pattern fast-check cannot generate from: plain strings instead.
    }
  }
  if (schema.format === 'uri') return fc.webUrl().filter((s) => s.length >= min && s.length <= (schema.maxLength ?? Infinity));
  if (schema.format === 'email') return fc.emailAddress();
  if (schema.format === 'date')
    return fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  if (schema.format === 'date-time')
    return fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
  return fc.oneof(fc.string({ minLength: min, maxLength: max }), fc.string({ unit: 'grapheme', minLength: min, maxLength: max }));
}

function numberArbitrary(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (integer ? 1 : 1e-9) : -1e6);
  const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - (integer ? 1 : 1e-9) : 1e6);
  if (integer) return fc.integer({ min: Math.ceil(Math.max(min, Number.MIN_SAFE_INTEGER)), max: Math.floor(Math.min(max, Number.MAX_SAFE_INTEGER)) });
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/**
 * A fast-check arbitrary of values the schema accepts, as far as JSON Schema can say (refinements
 * the schema cannot express may still refuse some); `known` offers real ids for fields by name.
 */
export function valueFor(schema: JsonSchema, known: KnownValues = {}, name?: string, depth = 0): fc.Arbitrary<unknown> {
  const real = name ? known[name] : undefined;
  const generated = generate(schema, known, depth);
  return real?.length ? fc.oneof({ arbitrary: fc.constantFrom(...real), weight: 3 }, { arbitrary: generated, weight: 1 }) : generated;
}

function generate(schema: JsonSchema, known: KnownValues, depth: number): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.constant(null);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union?.length) return fc.oneof(...union.map((s) => valueFor(s, known, undefined, depth + 1)));
  if (schema.allOf?.length) {
    // The API's intersections are of objects: generate each and merge them.
    return fc
      .tuple(...schema.allOf.map((s) => valueFor(s, known, undefined, depth + 1)))
      .map((parts) => (parts.every((p) => typeof p === 'object' && p !== null && !Array.isArray(p)) ? Object.assign({}, ...parts) : parts[0]));
  }
  const types = typesOf(schema);
  if (types.length > 1) return fc.oneof(...types.map((type) => generate({ ...schema, type }, known, depth)));
  switch (types[0]) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return numberArbitrary(schema, true);
    case 'number':
      return numberArbitrary(schema, false);
    case 'string':
      return stringArbitrary(schema);
    case 'array': {
      const max = Math.min(schema.maxItems ?? 4, 4);
      return fc.array(valueFor(schema.items ?? {}, known, undefined, depth + 1), { minLength: Math.min(schema.minItems ?? 0, max), maxLength: max });
    }
    case 'object':
      return objectFor(schema, known, depth);
    default:
      return uglyValue;
  }
}

function objectFor(schema: JsonSchema, known: KnownValues, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const props = schema.properties ?? {};
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, sub] of Object.entries(props)) record[key] = valueFor(sub, known, key, depth + 1);
  return fc.record(record, { requiredKeys: (schema.required ?? []).filter((k) => k in props) }) as fc.Arbitrary<Record<string, unknown>>;
}

/**
 * Values a request part may carry that the schema likely refuses: an ugly value in place of one
 * field, a missing required field, an unknown field, or an ugly value for the whole part.
 */
export function brokenValueFor(schema: JsonSchema, known: KnownValues = {}): fc.Arbitrary<unknown> {
  const valid = valueFor(schema, known);
  const fields = Object.keys(schema.properties ?? {});
  const variants: fc.Arbitrary<unknown>[] = [uglyValue];
  if (fields.length) {
    variants.push(
      fc.tuple(valid, fc.constantFrom(...fields), uglyValue).map(([value, field, ugly]) => ({ ...(value as object), [field]: ugly })),
      fc.tuple(valid, fc.constantFrom(...fields)).map(([value, field]) => {
        const copy = { ...(value as Record<string, unknown>) };
        delete copy[field];
        return copy;
      }),
      fc.tuple(valid, fc.string({ minLength: 1, maxLength: 12 }), uglyValue).map(([value, field, ugly]) => ({ ...(value as object), [field]: ugly })),
    );
  }
  return fc.oneof(...variants);
}
