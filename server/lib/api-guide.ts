// Renders the API guide (docs/api.md) from the OpenAPI document, so the guide cannot drift from the code.
// `chanjiao api-guide` writes it; a test fails when the committed guide differs from what the code gives.

type Schema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  default?: unknown;
  description?: string;
  nullable?: boolean;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
};
type Operation = {
  summary?: string;
  tags?: string[];
  parameters?: { in: string; name: string; required?: boolean; schema?: Schema; description?: string }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, unknown>;
};
export type OpenApi = {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
};

function typeOf(s: Schema | undefined): string {
  if (!s) return 'any';
  if (s.enum) return s.enum.map((v) => `\`${String(v)}\``).join(' \\| ');
  if (s.anyOf) return s.anyOf.map(typeOf).join(' \\| ');
  const t = Array.isArray(s.type) ? s.type.join(' \\| ') : (s.type ?? 'any');
  if (t === 'array') return `${typeOf(s.items)}[]`;
  if (s.format === 'uuid') return 'uuid';
  if (s.format) return `${t} (${s.format})`;
  return t;
}

function rules(s: Schema | undefined): string {
  if (!s) return '';
  const r: string[] = [];
  if (s.minLength !== undefined) r.push(`≥ ${s.minLength} chars`);
  if (s.maxLength !== undefined) r.push(`≤ ${s.maxLength} chars`);
  if (s.minimum !== undefined) r.push(`≥ ${s.minimum}`);
  if (s.maximum !== undefined && s.maximum < Number.MAX_SAFE_INTEGER) r.push(`≤ ${s.maximum}`);
  if (s.pattern && s.format !== 'uuid' && s.format !== 'email') r.push(`pattern \`${s.pattern}\``);
  if (s.default !== undefined) r.push(`default \`${JSON.stringify(s.default)}\``);
  if (s.nullable) r.push('nullable');
  if (s.description) r.push(s.description);
  return r.join('; ').replace(/\|/g, '\\|');
}

const methodOrder = ['get', 'post', 'put', 'patch', 'delete'];

export function renderApiGuide(doc: OpenApi): string {
  const out: string[] = [];
  out.push(`# ${doc.info.title} — API guide`, '');
  out.push(
    '_Generated from the OpenAPI document by `npx chanjiao api-guide`; do not edit by hand. ' +
      'The live document is served at `/api/docs/json`, with an interactive UI at `/api/docs`._',
    '',
  );
  if (doc.info.description) out.push(doc.info.description, '');
  const byTag = new Map<string, { method: string; path: string; op: Operation }[]>();
  for (const [rawPath, methods] of Object.entries(doc.paths)) {
    const path = rawPath.length > 1 ? rawPath.replace(/\/$/, '') : rawPath;
    for (const [method, op] of Object.entries(methods)) {
      const tag = op.tags?.[0] ?? 'other';
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag)!.push({ method, path, op });
    }
  }
  for (const tag of [...byTag.keys()].sort()) {
    out.push(`## ${tag}`, '');
    const ops = byTag
      .get(tag)!
      .sort(
        (a, b) =>
          a.path.localeCompare(b.path) || methodOrder.indexOf(a.method) - methodOrder.indexOf(b.method),
      );
    for (const { method, path, op } of ops) {
      out.push(`### \`${method.toUpperCase()} ${path}\``, '');
      if (op.summary) out.push(op.summary, '');
      const params = op.parameters ?? [];
      if (params.length) {
        out.push('| parameter | in | type | required | rules |', '|---|---|---|---|---|');
        for (const p of params)
          out.push(
            `| \`${p.name}\` | ${p.in} | ${typeOf(p.schema)} | ${p.required ? 'yes' : 'no'} | ${rules(p.schema ?? {}) || (p.description ?? '')} |`,
          );
        out.push('');
      }
      const body = op.requestBody?.content?.['application/json']?.schema;
      if (body?.properties) {
        out.push('| body field | type | required | rules |', '|---|---|---|---|');
        const required = new Set(body.required ?? []);
        for (const [name, s] of Object.entries(body.properties)) {
          out.push(`| \`${name}\` | ${typeOf(s)} | ${required.has(name) ? 'yes' : 'no'} | ${rules(s)} |`);
        }
        out.push('');
      }
      out.push(
        `Responses: ${Object.keys(op.responses ?? {})
          .sort()
          .join(', ')}`,
        '',
      );
    }
  }
  return out.join('\n');
}
