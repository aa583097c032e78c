// Reads an XML response back into the JSON shape the contract describes, guided by the schema:
// repeated elements become arrays where the schema has an array, text becomes a number or boolean
// where the schema says so. Elements the schema does not know are kept, so validation reports them.
import { XMLParser } from 'fast-xml-parser';
import type { OpenApiDocument } from '../../server/contract.js';

type Schema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
};

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, trimValues: true });

export function parseXmlDocument(xml: string): { root: string; namespace?: string; value: unknown } {
  const parsed = parser.parse(xml) as Record<string, unknown>;
  const roots = Object.keys(parsed).filter((k) => k !== '?xml');
  if (roots.length !== 1) throw new Error(`expected one XML root element, got ${roots.join(', ')}`);
  const root = roots[0]!;
  const value = parsed[root] as Record<string, unknown> | string;
  const namespace = typeof value === 'object' ? (value['@_xmlns'] as string | undefined) : undefined;
  if (typeof value === 'object') delete value['@_xmlns'];
  return namespace === undefined ? { root, value } : { root, namespace, value };
}

export function xmlValueToJson(doc: OpenApiDocument, schema: Schema, value: unknown): unknown {
  const resolved = schema.$ref ? (doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')] as Schema) : schema;
  switch (resolved.type) {
    case 'number':
    case 'integer':
      return typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)) ? Number(value) : value;
    case 'boolean':
      return value === 'true' ? true : value === 'false' ? false : value;
    case 'array': {
      const items = Array.isArray(value) ? value : [value];
      return items.map((item) => xmlValueToJson(doc, resolved.items ?? {}, item));
    }
    case 'object': {
      if (value === '') return {};
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(value)) {
        const childSchema = resolved.properties?.[key];
        out[key] = childSchema ? xmlValueToJson(doc, childSchema, child) : child;
      }
      return out;
    }
    default:
      return value;
  }
}
