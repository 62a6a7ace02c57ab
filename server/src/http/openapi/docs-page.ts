import type { OpenAPIObject, OperationObject, ParameterObject, ReferenceObject, RequestBodyObject, ResponseObject } from 'openapi3-ts/oas31';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

const json = (value: unknown): string => `<pre>${escapeHtml(JSON.stringify(value, null, 2))}</pre>`;

const isRef = (value: unknown): value is ReferenceObject => typeof value === 'object' && value !== null && '$ref' in value;

function parametersHtml(parameters: (ParameterObject | ReferenceObject)[] | undefined): string {
  const rows = (parameters ?? []).filter((p): p is ParameterObject => !isRef(p));
  if (!rows.length) return '';
  const body = rows
    .map((p) => `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${p.in}</td><td>${p.required ? 'yes' : 'no'}</td><td>${json(p.schema ?? {})}</td></tr>`)
    .join('');
  return `<h4>Parameters</h4><table><thead><tr><th>name</th><th>in</th><th>required</th><th>schema</th></tr></thead><tbody>${body}</tbody></table>`;
}

function bodyHtml(requestBody: RequestBodyObject | ReferenceObject | undefined): string {
  if (!requestBody || isRef(requestBody)) return '';
  return `<h4>Request body</h4>${json(requestBody.content['application/json']?.schema ?? {})}`;
}

function responsesHtml(responses: Record<string, ResponseObject | ReferenceObject>): string {
  const items = Object.entries(responses).map(([status, response]) => {
    if (isRef(response)) return `<li><b>${escapeHtml(status)}</b> ${escapeHtml(response.$ref)}</li>`;
    const [type, media] = Object.entries(response.content ?? {})[0] ?? [];
    const schema = media?.schema;
    const shown = !schema
      ? ''
      : isRef(schema)
        ? ` <code>${escapeHtml(type!)}</code> <a href="#${escapeHtml(schema.$ref.split('/').pop()!)}">${escapeHtml(schema.$ref.split('/').pop()!)}</a>`
        : `<details><summary><code>${escapeHtml(type!)}</code></summary>${json(schema)}</details>`;
    return `<li><b>${escapeHtml(status)}</b> ${escapeHtml(response.description)}${shown}</li>`;
  });
  return `<h4>Responses</h4><ul>${items.join('')}</ul>`;
}

function operationHtml(method: string, path: string, op: OperationObject): string {
  const auth = String((op as Record<string, unknown>)['x-muse-auth'] ?? 'public');
  return `<details class="op" id="${escapeHtml(op.operationId ?? '')}"><summary><span class="m ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code> <span class="s">${escapeHtml(op.summary === `${method.toUpperCase()} ${path}` ? '' : (op.summary ?? ''))}</span> <span class="a">${escapeHtml(auth)}</span></summary>${parametersHtml(op.parameters)}${bodyHtml(op.requestBody)}${responsesHtml(op.responses ?? {})}</details>`;
}

/**
 * A self-contained page listing every operation of the document with its parameters, body and
 * answers, grouped by tag: no script and nothing fetched from elsewhere, so it works offline under
 * the app's content security policy.
 */
export function renderDocsPage(doc: OpenAPIObject): string {
  const byTag = new Map<string, string[]>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const tag = op.tags?.[0] ?? 'other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), operationHtml(method, path, op)]);
    }
  }
  const tags = [...byTag.keys()].sort();
  const sections = tags.map((tag) => `<section id="tag-${escapeHtml(tag)}"><h2>${escapeHtml(tag)}</h2>${byTag.get(tag)!.join('')}</section>`).join('');
  const schemas = Object.entries(doc.components?.schemas ?? {})
    .map(([name, schema]) => `<section id="${escapeHtml(name)}"><h3>${escapeHtml(name)}</h3>${json(schema)}</section>`)
    .join('');
  const nav = tags.map((tag) => `<a href="#tag-${escapeHtml(tag)}">${escapeHtml(tag)}</a>`).join(' ');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.info.title)} ${escapeHtml(doc.info.version)}</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:70rem;padding:1rem 1.5rem;color:#1b1b1f;background:#fff}
code,pre{font:13px/1.4 ui-monospace,monospace}pre{background:#f4f4f6;padding:.5rem;overflow:auto;max-height:24rem}
.op{border:1px solid #d4d4da;border-radius:6px;margin:.4rem 0;padding:.3rem .6rem}.op>summary{cursor:pointer}
.m{display:inline-block;min-width:4.2rem;font-weight:700}.get{color:#0b5cad}.post{color:#176b2c}.put,.patch{color:#8a4b00}.delete{color:#a01818}
.s{color:#45454d}.a{float:right;font-size:12px;color:#45454d}table{border-collapse:collapse}td,th{border:1px solid #d4d4da;padding:.2rem .4rem;vertical-align:top;text-align:left}
nav a{margin-right:.6rem}
</style></head><body>
<h1>${escapeHtml(doc.info.title)} <small>${escapeHtml(doc.info.version)}</small></h1>
<p>${escapeHtml(doc.info.description ?? '')} The machine-readable contract is <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${escapeHtml(doc.openapi)}).</p>
<nav>${nav} <a href="#schemas">schemas</a></nav>
<main>${sections}<section id="schemas"><h2>Schemas</h2>${schemas}</section></main>
</body></html>`;
}
