import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

const DOC_ID = 'spotify-web-api.json';

type Responses = Record<string, { $ref?: string }>;
interface Schema {
  $ref?: string;
  allOf?: Schema[];
  oneOf?: Schema[];
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
}
interface OpenApiDoc {
  paths: Record<string, Record<string, { responses: Responses }>>;
  components: { responses: Record<string, unknown> };
}

const escapePointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Validates bodies against the response schemas of Spotify's published OpenAPI document
 * (openapi/spotify-web-api.yml), `$ref`s resolved by ajv inside the document, so the sandbox
 * cannot drift from the real API's shapes. Statuses an operation does not list (400, 404) use
 * the document's shared BadRequest / NotFound responses.
 */
export class SpotifyOpenApiValidator {
  private readonly ajv: Ajv;
  private readonly doc: OpenApiDoc;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(file = path.join(__dirname, 'openapi', 'spotify-web-api.yml')) {
    this.doc = parse(fs.readFileSync(file, 'utf8')) as OpenApiDoc;
    // strict: false lets the OpenAPI-only keywords (discriminator, example, x-spotify-*) pass unread; ajv knows `nullable`.
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addSchema(this.doc as object, DOC_ID);
  }

  private schemaPointer(method: string, template: string, status: number): string {
    const operation = this.doc.paths[template]?.[method.toLowerCase()];
    if (!operation) throw new Error(`The OpenAPI document has no ${method} ${template}`);
    const response = operation.responses[String(status)];
    let pointer: string;
    if (response?.$ref) pointer = response.$ref.slice(1);
    else if (response) pointer = `/paths/${escapePointer(template)}/${method.toLowerCase()}/responses/${status}`;
    else if (status === 400 || status === 404) pointer = `/components/responses/${status === 400 ? 'BadRequest' : 'NotFound'}`;
    else throw new Error(`${method} ${template} documents no ${status} response`);
    return `${pointer}/content/application~1json/schema`;
  }

  /**
   * Paths of fields in a body that the documented schema does not describe (the document allows
   * extra fields, so ajv alone would not notice a field the sandbox invents).
   */
  undocumented(method: string, template: string, status: number, body: unknown): string[] {
    const found: string[] = [];
    this.walk(this.resolve({ $ref: `#${this.schemaPointer(method, template, status)}` }), body, '', found);
    return found;
  }

  private resolve(schema: Schema): Schema {
    let current = schema;
    while (current.$ref) {
      const target = current.$ref
        .slice(2)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
        .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], this.doc);
      current = target as Schema;
    }
    return current;
  }

  /** Properties and item schema of a schema, its `allOf` parts merged and the `oneOf` branch chosen by `type`. */
  private shape(schema: Schema, data: unknown): { properties: Record<string, Schema>; items?: Schema } {
    const s = this.resolve(schema);
    const parts = [s, ...(s.allOf ?? []).map((part) => this.shape(part, data))];
    const properties = Object.assign({}, ...parts.map((part) => part.properties ?? {})) as Record<string, Schema>;
    let items = s.items ?? parts.find((part) => part.items)?.items;
    if (s.oneOf) {
      const type = (data as { type?: unknown } | null)?.type;
      const branch = s.oneOf.map((b) => this.resolve(b)).find((b) => this.shape(b, data).properties.type?.enum?.includes(type)) ?? s.oneOf[0]!;
      const chosen = this.shape(branch, data);
      Object.assign(properties, chosen.properties);
      items ??= chosen.items;
    }
    return { properties, items };
  }

  private walk(schema: Schema, data: unknown, at: string, found: string[]): void {
    if (data === null || typeof data !== 'object') return;
    const { properties, items } = this.shape(schema, data);
    if (Array.isArray(data)) {
      if (items) data.forEach((item, i) => this.walk(items, item, `${at}/${i}`, found));
      return;
    }
    for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
      const child = properties[key];
      if (!child) found.push(`${at}/${key}`);
      else this.walk(child, value, `${at}/${key}`, found);
    }
  }

  /** The ajv errors of a body, or an empty list when it matches the documented response. */
  errors(method: string, template: string, status: number, body: unknown): string[] {
    const pointer = this.schemaPointer(method, template, status);
    let validate = this.compiled.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${DOC_ID}#${pointer}` });
      this.compiled.set(pointer, validate);
    }
    return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
  }
}
