// HTML escaping: every piece of data goes into the report through `html`, which escapes whatever it
// interpolates unless it is markup this module made (Raw). Text and attribute values alike.

export class Raw {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for HTML content or a quoted attribute; control characters that HTML forbids are dropped. */
export function escapeHtml(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value);
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

type Part = unknown;

function render(part: Part): string {
  if (part instanceof Raw) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  if (part === false || part === null || part === undefined) return '';
  return escapeHtml(part);
}

/** A template whose interpolations are escaped (arrays rendered item by item, Raw kept as is). */
export function html(strings: TemplateStringsArray, ...parts: Part[]): Raw {
  let out = strings[0]!;
  parts.forEach((p, i) => {
    out += render(p) + strings[i + 1]!;
  });
  return new Raw(out);
}

export const raw = (s: string): Raw => new Raw(s);
