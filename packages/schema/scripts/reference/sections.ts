/**
 * Renders one documented schema as a Markdown section: a field table for objects, a list of
 * variants for unions, a one-line type for everything else.
 */
import { cell, constraintTexts, mapValueOf, resolveDef, typeText, type JsonSchemaNode, type LinkResolver } from './json-schema-text.js';

export interface Section {
  name: string;
  title: string;
  anchor: string;
  node: JsonSchemaNode;
}

function notesOf(node: JsonSchemaNode): string {
  return [node.description, ...constraintTexts(node)].filter(Boolean).join('; ') || '—';
}

function fieldRows(node: JsonSchemaNode, prefix: string, link: LinkResolver): string[] {
  const required = new Set(node.required ?? []);
  return Object.entries(node.properties ?? {}).flatMap(([key, child]) => {
    const path = `${prefix}${key}`;
    const fallback = child.default === undefined ? '—' : `\`${JSON.stringify(child.default)}\``;
    const row =
      `| \`${path}\` | ${cell(typeText(child, link))} | ${required.has(key) ? 'yes' : 'no'} ` +
      `| ${cell(fallback)} | ${cell(notesOf(child))} |`;
    if (link(child)) return [row];
    if (child.properties) return [row, ...fieldRows(child, `${path}.`, link)];
    if (child.items?.properties && !link(child.items)) return [row, ...fieldRows(child.items, `${path}[].`, link)];
    const mapValue = mapValueOf(child);
    if (mapValue?.properties && !link(mapValue)) return [row, ...fieldRows(mapValue, `${path}.*.`, link)];
    return [row];
  });
}

function fieldTable(node: JsonSchemaNode, link: LinkResolver): string[] {
  return [
    '| Field | Type | Required | Default | Constraints / Description |',
    '| --- | --- | --- | --- | --- |',
    ...fieldRows(node, '', link),
  ];
}

/** The property whose constant value differs in every variant, if there is one. */
function discriminatorOf(branches: JsonSchemaNode[]): string | null {
  const keys = Object.keys(branches[0]?.properties ?? {});
  return (
    keys.find((key) => {
      const values = branches.map((branch) => branch.properties?.[key]?.const);
      return values.every((value) => value !== undefined) && new Set(values.map((value) => JSON.stringify(value))).size === branches.length;
    }) ?? null
  );
}

/** "`type: "trait"`, `op: "equals"`": the constants that identify one variant, if any. */
function variantLabel(branch: JsonSchemaNode): string {
  return Object.entries(branch.properties ?? {})
    .filter(([, property]) => property.const !== undefined)
    .map(([key, property]) => `\`${key}: ${JSON.stringify(property.const)}\``)
    .join(', ');
}

function unionBody(branches: JsonSchemaNode[], link: LinkResolver): string[] {
  const key = discriminatorOf(branches);
  const lines = [key ? `One of the following, told apart by \`${key}\`:` : 'One of the following:'];
  for (const [index, branch] of branches.entries()) {
    const label = variantLabel(branch);
    const linked = link(branch);
    // Consecutive links form one tight list; a variant documented inline gets its own table.
    if (linked) lines.push(...(lines.at(-1)?.startsWith('- ') ? [] : ['']), `- ${label ? `${label}: ` : ''}${linked}`);
    else lines.push('', `**${label || `Variant ${index + 1}`}**`, '', ...bodyOf(branch, link));
  }
  return lines;
}

function bodyOf(node: JsonSchemaNode, link: LinkResolver): string[] {
  if (node.properties) return fieldTable(node, link);
  const branches = node.oneOf ?? node.anyOf;
  if (branches?.some((branch) => branch.properties || branch.oneOf || branch.anyOf)) return unionBody(branches, link);
  const constraints = constraintTexts(node);
  return [`**Type:** ${typeText(node, link)}${constraints.length ? ` — ${constraints.join('; ')}` : ''}`];
}

/**
 * @param link resolves nested shapes to other sections; `$ref`s (recursion) point at this section.
 * @param sameAs a link when an earlier section has exactly this shape (e.g. a refined copy).
 */
export function renderSection(section: Section, link: LinkResolver, sameAs: string | null): string {
  const self = `[${section.title}](#${section.anchor}) (recursive)`;
  const resolve: LinkResolver = (node) => {
    if (node.$ref === undefined) return link(node);
    if (node.$ref === '#') return self;
    const def = resolveDef(node.$ref, section.node.$defs);
    return (def && link(def)) ?? `\`${node.$ref}\` (recursive)`;
  };
  const lines = [`### ${section.title}`, '', `Schema: \`${section.name}\``, ''];
  if (section.node.description) lines.push(section.node.description, '');
  lines.push(...(sameAs ? [`Same shape as ${sameAs}.`] : bodyOf(section.node, resolve)));
  return lines.join('\n');
}
