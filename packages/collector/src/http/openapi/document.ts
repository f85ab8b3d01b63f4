import { errorBodySchema } from '@hearth/schema';
import { z } from 'zod';
import { OPERATIONS, type Access, type Answer, type Operation } from './operations.js';

type JsonSchema = Record<string, unknown>;

const SECURITY: Record<Access, Record<string, string[]>[]> = {
  public: [{ publicKey: [] }],
  server: [{ secretKey: [] }],
  admin: [{ secretKey: [] }, { consoleSession: [], csrfToken: [] }],
  open: [],
};

/** zod's shared definitions land under `__shared`; OpenAPI resolves `#/…` against the document. */
const SHARED = '__shared';

/**
 * The schemas in one zod registry, so shared and recursive parts (audiences, content trees) become
 * components once instead of copies. `io`: request bodies are described as sent (defaults make
 * fields optional), answers as received. Shared parts are named `<io>_schemaN`.
 */
function components(schemas: Map<z.ZodType, string>, io: 'input' | 'output'): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [schema, id] of schemas) registry.add(schema, { id });
  const { schemas: generated } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    unrepresentable: 'any',
    io,
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, JsonSchema> };
  const out: Record<string, JsonSchema> = {};
  for (const [id, schema] of Object.entries(generated)) {
    if (id === SHARED) {
      for (const [name, shared] of Object.entries((schema.$defs ?? {}) as Record<string, JsonSchema>)) out[`${io}_${name}`] = shared;
    } else {
      const { $schema: _dialect, $id: _id, ...rest } = schema;
      out[id] = rest;
    }
  }
  return JSON.parse(JSON.stringify(out).replaceAll(`#/components/schemas/${SHARED}#/$defs/`, `#/components/schemas/${io}_`)) as Record<
    string,
    JsonSchema
  >;
}

/** `/v1/admin/prompts/{id}/publish` + `post` → `PostV1AdminPromptsIdPublish`. */
function operationId(op: Operation): string {
  const words = [op.method, ...op.path.split(/[^a-zA-Z0-9]+/)].filter(Boolean);
  return words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('');
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

function content(answer: Answer, id: string) {
  if ('empty' in answer) return undefined;
  if ('media' in answer) return { [answer.media]: { schema: { type: 'string' } } };
  return { 'application/json': { schema: ref(id) } };
}

/** Query parameters from the operation's zod object, one per field. */
function parameters(op: Operation): unknown[] {
  const path = [...op.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
  if (!op.query) return path;
  const shape = z.toJSONSchema(op.query, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' }) as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  const query = Object.entries(shape.properties ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: shape.required?.includes(name) ?? false,
    schema,
  }));
  return [...path, ...query];
}

/** The OpenAPI 3.1 document of every collector route, built from the zod schemas in OPERATIONS. */
export function openApiDocument(): JsonSchema {
  const answers = new Map<z.ZodType, string>([[errorBodySchema, 'ErrorBody']]);
  const bodies = new Map<z.ZodType, string>();
  const name = (ids: Map<z.ZodType, string>, schema: z.ZodType, fallback: string) => {
    if (!ids.has(schema)) ids.set(schema, fallback);
    return ids.get(schema)!;
  };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const id = operationId(op);
    const responses: Record<string, unknown> = {};
    for (const [status, answer] of Object.entries(op.answers)) {
      const schemaId = 'json' in answer ? name(answers, answer.json, `${id}${status}`) : '';
      const body = content(answer, schemaId);
      responses[status] = { description: status === '304' ? 'Not modified' : 'Success', ...(body ? { content: body } : {}) };
    }
    responses.default = {
      description: 'An error: its code, a message and the fields at fault',
      content: { 'application/json': { schema: ref('ErrorBody') } },
    };
    const requestBody = op.body
      ? { required: !op.bodyOptional, content: { 'application/json': { schema: ref(name(bodies, op.body, `${id}Body`)) } } }
      : undefined;
    (paths[op.path] ??= {})[op.method] = {
      operationId: id,
      summary: op.summary,
      tags: [op.tag],
      security: SECURITY[op.access],
      parameters: parameters(op),
      ...(requestBody ? { requestBody } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Hearth collector', version: '0.1.0', license: { name: 'MIT', identifier: 'MIT' } },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    tags: [
      { name: 'Public', description: "Called by pages through the widget, with the project's public key" },
      { name: 'Server', description: 'Called by a backend, with a secret key' },
      { name: 'Admin', description: "The admin API: a secret key, or the console's session" },
      { name: 'Collector', description: 'Health and this document' },
    ],
    paths,
    components: {
      schemas: { ...components(bodies, 'input'), ...components(answers, 'output') },
      securitySchemes: {
        publicKey: { type: 'apiKey', in: 'query', name: 'key', description: "The project's public key (pk_…)" },
        secretKey: { type: 'http', scheme: 'bearer', description: 'A project secret key (sk_…)' },
        consoleSession: {
          type: 'apiKey',
          in: 'cookie',
          name: 'hearth_admin',
          description: "The console's session cookie, set by POST /v1/admin/session",
        },
        csrfToken: { type: 'apiKey', in: 'header', name: 'X-Hearth-CSRF', description: 'The csrfToken of the session answer' },
      },
    },
  };
}
