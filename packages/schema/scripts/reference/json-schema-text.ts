/**
 * Turns one JSON Schema node (as produced by zod 4's `z.toJSONSchema`) into the short texts a
 * reference table needs: a type and a list of constraints. Only the keywords zod emits are handled.
 */
export interface JsonSchemaNode {
  $ref?: string;
  $defs?: Record<string, JsonSchemaNode>;
  type?: string | string[];
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
  items?: JsonSchemaNode;
  /** A map (`z.record`): its keys and values. */
  propertyNames?: JsonSchemaNode;
  additionalProperties?: JsonSchemaNode | boolean;
  anyOf?: JsonSchemaNode[];
  oneOf?: JsonSchemaNode[];
  const?: unknown;
  enum?: unknown[];
  default?: unknown;
  description?: string;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
}

/** Resolves a node that equals another documented schema to a Markdown link, or null. */
export type LinkResolver = (node: JsonSchemaNode) => string | null;

const FORMATS: Record<string, string> = { 'date-time': 'ISO 8601 date-time', date: 'ISO 8601 date', uri: 'URL' };

/**
 * The definition a `#/$defs/…` reference points at, with its own recursion rewritten to `#` so it
 * reads and compares like the same schema converted on its own.
 */
export function resolveDef(ref: string, defs: Record<string, JsonSchemaNode> | undefined): JsonSchemaNode | undefined {
  const def = ref.startsWith('#/$defs/') ? defs?.[ref.slice('#/$defs/'.length)] : undefined;
  if (!def) return undefined;
  return JSON.parse(JSON.stringify(def).replaceAll(JSON.stringify(ref), '"#"')) as JsonSchemaNode;
}

/** The value schema of a map, when `node` is one. */
export function mapValueOf(node: JsonSchemaNode): JsonSchemaNode | undefined {
  return typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined;
}

export function typeText(node: JsonSchemaNode, link: LinkResolver): string {
  const linked = link(node);
  if (linked) return linked;
  if (node.const !== undefined) return `\`${JSON.stringify(node.const)}\``;
  if (node.enum) return node.enum.map((value) => `\`${JSON.stringify(value)}\``).join(' or ');
  const branches = node.oneOf ?? node.anyOf;
  if (branches) return branches.map((branch) => typeText(branch, link)).join(' or ');
  if (node.type === 'array') return node.items ? `array of ${typeText(node.items, link)}` : 'array';
  const mapValue = mapValueOf(node);
  if (mapValue) {
    const key = node.propertyNames ? typeText(node.propertyNames, link) : 'string';
    return `map of ${key} to ${typeText(mapValue, link)}`;
  }
  if (typeof node.type === 'string') {
    const format = node.format ? (FORMATS[node.format] ?? node.format) : null;
    return format ? `${node.type} (${format})` : node.type;
  }
  return 'any JSON value';
}

function range(min: number | undefined, max: number | undefined, unit: string): string | null {
  const units = (count: number): string => (count === 1 ? unit.replace(/s$/, '') : unit);
  if (min !== undefined && max !== undefined) return `${min}–${max} ${unit}`;
  if (max !== undefined) return `at most ${max} ${units(max)}`;
  // A minimum of 1 on a string only means "not empty"; say so plainly.
  if (min === 1 && unit === 'characters') return 'not empty';
  if (min !== undefined) return `at least ${min} ${units(min)}`;
  return null;
}

function bounds(node: JsonSchemaNode): string | null {
  // zod marks every integer with MAX_SAFE_INTEGER as its maximum; that is noise here.
  const max = node.maximum !== undefined && node.maximum < Number.MAX_SAFE_INTEGER ? node.maximum : undefined;
  if (node.minimum !== undefined && max !== undefined) return `${node.minimum}–${max}`;
  const parts = [
    node.minimum !== undefined ? `≥ ${node.minimum}` : null,
    node.exclusiveMinimum !== undefined ? `> ${node.exclusiveMinimum}` : null,
    max !== undefined ? `≤ ${max}` : null,
    node.exclusiveMaximum !== undefined ? `< ${node.exclusiveMaximum}` : null,
  ];
  return parts.filter(Boolean).join(', ') || null;
}

export function constraintTexts(node: JsonSchemaNode): string[] {
  const parts = [
    range(node.minLength, node.maxLength, 'characters'),
    range(node.minItems, node.maxItems, 'items'),
    // zod emits the full regex of a format (date-time, date…); the format's name already says it.
    node.pattern && !node.format ? `matches \`${node.pattern}\`` : null,
    bounds(node),
  ];
  const own = parts.filter((part): part is string => part !== null);
  const each = (label: string, inner: JsonSchemaNode | undefined): string[] =>
    inner ? constraintTexts(inner).map((text) => `${label} ${text}`) : [];
  const branches = (node.oneOf ?? node.anyOf ?? []).flatMap(constraintTexts);
  return [
    ...own,
    ...each('each item', node.items),
    ...each('each key', node.propertyNames),
    ...each('each value', mapValueOf(node)),
    ...branches,
  ];
}

/** Escapes text for a GitHub-flavoured Markdown table cell. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
