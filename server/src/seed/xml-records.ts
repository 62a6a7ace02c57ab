import fs from 'node:fs';
import zlib from 'node:zlib';
import { SaxesParser } from 'saxes';

/** One XML element with its attributes, child elements and concatenated text. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export interface ReadXmlRecordsOptions {
  /** Element names whose whole subtree is dropped inside a record (notes, videos, images…). */
  skip?: ReadonlySet<string>;
}

/**
 * Streams a gzipped XML file and yields every `recordName` element as a small tree, one at a
 * time, so memory stays bounded by one record whatever the file size.
 */
export async function* readXmlRecords(file: string, recordName: string, options: ReadXmlRecordsOptions = {}): AsyncGenerator<XmlElement> {
  const skip = options.skip ?? new Set<string>();
  const source = fs.createReadStream(file);
  const gunzip = zlib.createGunzip();
  // pipe() does not forward a read error (a missing file), so hand it to the stream we iterate.
  source.on('error', (err) => gunzip.destroy(err));
  source.pipe(gunzip);
  gunzip.setEncoding('utf8');

  const parser = new SaxesParser();
  const stack: XmlElement[] = [];
  let skipDepth = 0;
  let ready: XmlElement[] = [];

  parser.on('opentag', (tag) => {
    if (skipDepth > 0 || (stack.length > 0 && skip.has(tag.name))) {
      skipDepth += 1;
      return;
    }
    if (stack.length === 0 && tag.name !== recordName) return;
    const element: XmlElement = { name: tag.name, attrs: { ...(tag.attributes as Record<string, string>) }, children: [], text: '' };
    stack[stack.length - 1]?.children.push(element);
    stack.push(element);
  });
  parser.on('text', (text) => {
    if (skipDepth === 0 && stack.length > 0) stack[stack.length - 1]!.text += text;
  });
  parser.on('closetag', () => {
    if (skipDepth > 0) {
      skipDepth -= 1;
      return;
    }
    const done = stack.pop();
    if (done && stack.length === 0) ready.push(done);
  });

  try {
    for await (const chunk of gunzip) {
      parser.write(chunk as string);
      if (ready.length) {
        const batch = ready;
        ready = [];
        yield* batch;
      }
    }
    parser.close();
    yield* ready;
  } finally {
    source.destroy();
    gunzip.destroy();
  }
}

/** The first child element with this name. */
export function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}

/** Child elements reached by a path of names, e.g. `all(release, 'tracklist', 'track')`. */
export function all(element: XmlElement, ...path: string[]): XmlElement[] {
  let level = [element];
  for (const name of path) level = level.flatMap((e) => e.children.filter((c) => c.name === name));
  return level;
}

/** Trimmed text of the first child with this name; '' when absent. */
export function textOf(element: XmlElement, name: string): string {
  return child(element, name)?.text.trim() ?? '';
}
