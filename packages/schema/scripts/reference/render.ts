import { z } from 'zod';
import * as schemaModule from '../../src/index.js';
import { resolveDef, type JsonSchemaNode, type LinkResolver } from './json-schema-text.js';
import { renderSection, type Section } from './sections.js';

/** Reading order of the page; exported schemas not listed here land in "Other schemas", A–Z. */
const GROUPS = [
  {
    title: 'Sent by the widget',
    names: [
      'batchSchema',
      'eventSchema',
      'trackEventSchema',
      'pageEventSchema',
      'identifyEventSchema',
      'pageContextSchema',
      'messageIdSchema',
      'eventNameSchema',
      'propertiesSchema',
    ],
  },
  { title: 'Answered by the collector', names: ['batchResultSchema', 'errorBodySchema', 'errorIssueSchema'] },
  {
    title: 'Collector configuration file',
    names: [
      'collectorConfigSchema',
      'projectConfigSchema',
      'rateLimitSchema',
      'fatigueBudgetSchema',
      'publicKeySchema',
      'secretKeySchema',
      'originSchema',
      'themeSchema',
      'projectLocalesSchema',
    ],
  },
  {
    title: 'Prompts',
    names: [
      'promptSchema',
      'checklistPromptSchema',
      'checklistContentSchema',
      'checklistItemSchema',
      'checklistActionSchema',
      'completeWhenSchema',
      'eventCompletionSchema',
      'checklistTranslationSchema',
      'scheduleSchema',
      'frequencySchema',
      'promptStatusSchema',
      'slugSchema',
      'localeTagSchema',
    ],
  },
  {
    title: 'Targeting',
    names: [
      'audienceRuleSchema',
      'audienceSchema',
      'traitConditionSchema',
      'behaviorRuleSchema',
      'lifecycleRuleSchema',
      'localeRuleSchema',
      'sampleRuleSchema',
      'triggerSchema',
    ],
  },
  {
    title: 'Per-user state',
    names: ['userStateSchema', 'statePromptSchema', 'checklistStateSchema', 'checklistItemStateSchema', 'checklistProgressSchema'],
  },
];

const HEADER = `# Wire format reference

> Generated from the zod schemas in \`packages/schema/src\` by \`packages/schema/scripts/gen-reference.ts\`.
> Do not edit by hand: change the schema, then run \`npx tsx packages/schema/scripts/gen-reference.ts\`.
> \`packages/schema/src/reference.test.ts\` fails while this page and the schemas disagree.

Shapes are what a sender may send (zod's *input* side): a field with a default may be left out.
Objects drop fields they do not know; in a field path, \`[]\` stands for any item of an array and
\`*\` for any key of a map. How the collector answers — status codes, retries, limits —
is in [the collector guide](../collector.md).

Every string and every object key, in every format on this page, must be storable text: the NUL
character (U+0000) and lone UTF-16 surrogates are refused wherever they appear (\`parseWire\`,
400 naming the field). Event times are bounded after clock-skew correction: from
\`EVENT_TIME_LIMITS.earliest\` (${schemaModule.EVENT_TIME_LIMITS.earliest}) to \`EVENT_TIME_LIMITS.maxFutureMs\`
(${schemaModule.EVENT_TIME_LIMITS.maxFutureMs / 60_000} minutes) past the collector's clock.`;

const { JSON_LIMITS, propertiesSchema } = schemaModule;

/** Export names in code-unit order: module namespaces are not ordered alike by Node and Vite. */
function sortedExports(): Array<[string, unknown]> {
  return Object.entries(schemaModule).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** `propertiesSchema` is a refinement JSON Schema cannot express; describe it from its limits. */
function describeProperties(ctx: { zodSchema: unknown; jsonSchema: JsonSchemaNode }): void {
  if (ctx.zodSchema !== propertiesSchema) return;
  ctx.jsonSchema.type = 'object';
  ctx.jsonSchema.description ??=
    `Free-form JSON object: at most ${JSON_LIMITS.maxDepth} levels deep, ` +
    `at most ${JSON_LIMITS.maxKeys} keys per object and items per array, strings of at most ` +
    `${JSON_LIMITS.maxStringLength} characters, finite numbers; the keys \`__proto__\`, \`constructor\` ` +
    'and `prototype` are refused';
}

function toNode(schema: z.ZodType): JsonSchemaNode {
  const { $schema: _ignored, ...node } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => describeProperties(ctx as { zodSchema: unknown; jsonSchema: JsonSchemaNode }),
  }) as JsonSchemaNode & { $schema?: string };
  // A refined recursive schema comes out as `{ $ref, $defs }`; inline its root so it reads (and
  // compares) like the unrefined one, whose recursion is written `$ref: "#"`.
  const root = node.$ref ? resolveDef(node.$ref, node.$defs) : undefined;
  if (!root) return node;
  return node.description ? { ...root, description: node.description } : root;
}

/** "batchResultSchema" → "Batch result". */
function titleOf(name: string): string {
  const words = name
    .replace(/Schema$/, '')
    .replace(/([A-Z])/g, ' $1')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** GitHub's heading anchor for the plain-word titles above. */
function anchorOf(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-');
}

function isComposite(node: JsonSchemaNode): boolean {
  return Boolean(node.properties ?? node.oneOf ?? node.anyOf?.some((branch) => branch.properties));
}

/**
 * A field's default and description belong to the field, not to the shape it reuses; `$defs` sit
 * on whichever schema was converted, so they are left out too (the `$ref`s still compare).
 */
function shapeKey({ default: _default, description: _description, $defs: _defs, ...shape }: JsonSchemaNode): string {
  return JSON.stringify(shape);
}

/** Links nested shapes to the first section (in page order) that documents the same shape. */
function linksOf(sections: Section[]): Map<string, Section> {
  const links = new Map<string, Section>();
  for (const section of sections) {
    const key = shapeKey(section.node);
    if (isComposite(section.node) && !links.has(key)) links.set(key, section);
  }
  return links;
}

function limitRows(): string[] {
  const row = (name: string, value: number): string => {
    const kib = name.endsWith('_BYTES') && value % 1024 === 0 ? ` (${value / 1024} KiB)` : '';
    return `| \`${name}\` | ${value}${kib} |`;
  };
  return sortedExports().flatMap(([name, value]) => {
    if (typeof value === 'number') return [row(name, value)];
    if (typeof value === 'object' && value !== null && !(value instanceof z.ZodType)) {
      return Object.entries(value)
        .filter((entry): entry is [string, number] => typeof entry[1] === 'number')
        .map(([key, inner]) => row(`${name}.${key}`, inner));
    }
    return [];
  });
}

/** The whole Markdown page, byte-for-byte the same for the same schemas. */
export function renderReference(): string {
  const byName = new Map(
    sortedExports()
      .filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType)
      .map(([name, schema]): [string, Section] => {
        const title = titleOf(name);
        return [name, { name, title, anchor: anchorOf(title), node: toNode(schema) }];
      }),
  );
  const listed = new Set(GROUPS.flatMap((group) => group.names));
  const groups = [
    ...GROUPS.map((group) => ({ title: group.title, names: group.names.filter((name) => byName.has(name)) })),
    { title: 'Other schemas', names: [...byName.keys()].filter((name) => !listed.has(name)) },
  ]
    .filter((group) => group.names.length > 0)
    .map((group) => ({ title: group.title, sections: group.names.map((name) => byName.get(name) as Section) }));

  const links = linksOf(groups.flatMap((group) => group.sections));
  const toLink = (section: Section): string => `[${section.title}](#${section.anchor})`;
  const link: LinkResolver = (node) => {
    const section = isComposite(node) ? links.get(shapeKey(node)) : undefined;
    return section ? toLink(section) : null;
  };
  const sameAs = (section: Section): string | null => {
    const first = isComposite(section.node) ? links.get(shapeKey(section.node)) : undefined;
    return first && first !== section ? toLink(first) : null;
  };

  const contents = groups.map((group) => `- ${group.title}: ${group.sections.map(toLink).join(', ')}`);
  const sections = groups.map((group) =>
    [`## ${group.title}`, ...group.sections.map((section) => renderSection(section, link, sameAs(section)))].join('\n\n'),
  );
  const limits = [
    '## Limits',
    'Constants exported by `@hearth/schema`.',
    ['| Constant | Value |', '| --- | --- |', ...limitRows()].join('\n'),
  ].join('\n\n');
  return `${[HEADER, contents.join('\n'), ...sections, limits].join('\n\n')}\n`;
}
