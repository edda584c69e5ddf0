// Document properties stored beside the body: docProps/core.xml (Dublin Core) and docProps/app.xml.
import type { DocxZip } from './zip.js';
import { elements, parseXml, textOf, type XElement } from './xml.js';

const CORE = ['title', 'subject', 'creator', 'lastModifiedBy', 'created', 'modified', 'keywords', 'description'];
const APP = ['Pages', 'Words', 'Application'];

// Prefixes vary between producers (dc:, dcterms:, cp:, none); the local name is what counts.
const local = (name: string) => name.slice(name.indexOf(':') + 1);
const root = (xml: string, name: string): XElement | undefined => elements(parseXml(xml)).find((e) => local(e.name) === name);

/** The known properties that have a value, as strings exactly as stored (trimmed). */
export function readProperties(zip: DocxZip): Record<string, string> {
  const out: Record<string, string> = {};
  const core = zip.text('docProps/core.xml');
  if (core) {
    for (const el of elements(root(core, 'coreProperties'))) {
      const name = local(el.name);
      const value = textOf(el).trim();
      if (CORE.includes(name) && value && !(name in out)) out[name] = value;
    }
  }
  const app = zip.text('docProps/app.xml');
  if (app) {
    for (const el of elements(root(app, 'Properties'))) {
      const name = local(el.name);
      const value = textOf(el).trim();
      if (APP.includes(name) && value) out[name] = value;
    }
  }
  return out;
}
