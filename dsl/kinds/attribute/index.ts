/**
 * Facts the site types itself, one per key (visitor attributes, custom event properties): text, a number
 * or true / false. Each comparison is typed by its key's declaration when the site declares its keys
 * (`attributes` in the validation options), else by the value written: text is compared like text (with
 * every text operator), numbers and booleans as the number and boolean kinds compare them, and compile
 * to those kinds. A fact of another type than the comparison's compares false.
 */
import { z } from 'zod';
import type { AttributeDeclaration, FieldEntry } from '../../catalog/types.ts';
import type { OperatorName, Value } from '../../model/ast.ts';
import { replaceFix } from '../../model/diagnostic.ts';
import { encodeNumber, encodeString } from '../../syntax/strings.ts';
import { booleanKind } from '../boolean/index.ts';
import type { MatchKind, ValueContext, ValueReport } from '../kind.ts';
import { numberKind } from '../number/index.ts';
import { completeText, emptyString, emptyValueCode, validateText } from '../string-values.ts';
import { textKind } from '../text/index.ts';
import { foldCase } from '../text/runtime.ts';
import { attributeRuntime } from './runtime.ts';

type Type = AttributeDeclaration['type'];

/** What each type is called in messages. */
const typeNames: Readonly<Record<Type, string>> = {
  text: 'text',
  number: 'a number',
  boolean: 'true or false',
};

/** The operators of each type. */
const operatorsOf: Readonly<Record<Type, readonly OperatorName[]>> = {
  text: textKind.operators,
  number: numberKind.operators,
  boolean: booleanKind.operators,
};

/** The type of a written value, or undefined for a bare word (which no type takes). */
function typeOf(value: Value): Type | undefined {
  if (value.kind === 'number') return 'number';
  if (value.kind === 'boolean') return 'boolean';
  return value.kind === 'symbol' ? undefined : 'text';
}

/** The value written as `type`, when it plainly is one (`"12"` as a number is `12`), for a fix. */
function rewritten(value: Value, type: Type): string | undefined {
  if (value.kind === 'number' || value.kind === 'boolean') {
    return type === 'text' ? encodeString(String(value.value)) : undefined;
  }
  if (value.kind !== 'string') return undefined;
  const text = value.value.trim();
  if (type === 'number' && /^-?\d+(\.\d+)?$/.test(text)) return encodeNumber(Number(text));
  if (type === 'boolean' && (text === 'true' || text === 'false')) return text;
  return undefined;
}

const code = (text: string) => `\`${text}\``;

/** How a field with this key is written: `visitor.attributes["plan"]`. */
const written = (field: FieldEntry, context: ValueContext) =>
  context.key === undefined ? field.name : `${field.name}[${encodeString(context.key)}]`;

function validateTyped(
  value: Value,
  field: FieldEntry,
  report: ValueReport,
  context: ValueContext = {},
): void {
  if (value.kind === 'symbol') {
    const quoted = encodeString(value.name);
    report.error(
      'invalid-value',
      value.range,
      `${written(field, context)} compares text in double quotes (${quoted}), a number or true / false.`,
      replaceFix(value.range, quoted),
    );
    return;
  }
  const type = typeOf(value) as Type;
  const declared = context.declared?.type;
  if (declared !== undefined && declared !== type) {
    const fix = rewritten(value, declared);
    report.error(
      'type-mismatch',
      value.range,
      `${written(field, context)} is declared as ${typeNames[declared]}, but the value is ${typeNames[type]}: ${fix ? `write ${fix}` : `compare it with ${typeNames[declared]}`}.`,
      fix ? replaceFix(value.range, fix) : null,
    );
    return;
  }
  if (type === 'text') validateText(value, field, report, context);
}

export const attributeKind: MatchKind<'attribute', string | number | boolean> = {
  name: 'attribute',
  operators: [
    ...textKind.operators,
    ...numberKind.operators.filter((name) => !textKind.operators.includes(name)),
  ],
  diagnosticCodes: {
    ...emptyValueCode,
    'type-mismatch': 'A value has another type than the one declared for its attribute.',
  },
  runtime: attributeRuntime,
  compilesTo: ['number', 'boolean'],
  contextValue: () => z.union([z.string(), z.number(), z.boolean()]),
  validate: validateTyped,
  operatorsFor(value, context) {
    const type = context.declared?.type ?? typeOf(value);
    return type && { type: typeNames[type], operators: operatorsOf[type] };
  },
  completeValue(field, context) {
    const declared = context?.declared?.type;
    if (declared === 'number') return numberKind.completeValue({ ...field, example: '0' });
    if (declared === 'boolean') return booleanKind.completeValue(field);
    if (declared === 'text') return completeText({ ...field, example: '""' });
    return [
      ...completeText({ ...field, example: '""' }),
      { label: '0', kind: 'value', insertText: '0', detail: 'A number' },
      ...booleanKind.completeValue(field),
    ];
  },
  hoverValue: () => undefined,
  compileValue: (value) => (typeof value === 'string' ? foldCase(value) : value),
  compiledMatch: (value) => (value.kind === 'number' || value.kind === 'boolean' ? value.kind : 'attribute'),
  describeValues: (field) =>
    `text in quotes${field.allowsList ? ' (or a list of texts)' : ''}, a number or \`true\` / \`false\`, e.g. ${code(field.example)}`,
  documentValues: (fields) =>
    `- **Values of ${fields.map((field) => field.label.toLowerCase()).join(' and ')} fields** are typed by the site: text in quotes, a number or \`true\` / \`false\`. The value written picks how a comparison compares (text without regard to case, with every text operator; numbers with \`>\` and the like; booleans with \`is\`), or the type declared for an attribute in the settings. A fact of another type, such as a number compared with \`"12"\`, does not match whatever the operator; a missing one is the empty text.`,
  valueControl(field, context) {
    const declared = context?.declared?.type;
    if (declared === 'number') return { control: 'number' };
    if (declared === 'boolean') return { control: 'boolean' };
    return declared === 'text'
      ? { control: 'chips', allowsList: field.allowsList }
      : { control: 'typed', allowsList: field.allowsList };
  },
  defaultValue: emptyString,
  fitsValue: (value, field) => value.kind !== 'symbol' && (value.kind !== 'list' || field.allowsList),
  sampleControl: () => ({ control: 'text' }),
  sampleDefault: (field) => field.sample ?? '',
  sampleValue(text) {
    const trimmed = text.trim();
    if (/^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
    return trimmed === 'true' ? true : trimmed === 'false' ? false : text;
  },
};
