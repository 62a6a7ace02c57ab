/**
 * An answer already serialised to JSON (a kept page): a route handler returning one has it sent
 * as it is, with the JSON content type, instead of serialising an object again.
 */
export class JsonText {
  constructor(readonly text: string | Buffer) {}
}
