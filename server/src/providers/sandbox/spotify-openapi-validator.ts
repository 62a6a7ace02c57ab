import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

const DOC_ID = 'spotify-web-api.json';

type Responses = Record<string, { $ref?: string }>;
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
