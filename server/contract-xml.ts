// Reads an XML response back into the JSON shape the contract describes, guided by the schema:
// repeated elements become arrays where the schema has an array (one element included), text
// becomes a number or boolean where the schema says so. Elements the schema does not know are kept,
// so validation reports them. Used by the test helpers and the reference client.
import { XMLParser } from 'fast-xml-parser';
import type { OpenApiDocument } from './contract.js';

/** The part of a schema the reader follows. */
export type XmlReadSchema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, XmlReadSchema>;
  items?: XmlReadSchema;
};

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, trimValues: true });

/** The one root element of an XML document: its name, its `xmlns` and its content (attributes other than xmlns kept as `@_name`). */
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

/** An element's parsed content converted to the JSON value `schema` describes. */
export function xmlValueToJson(doc: OpenApiDocument, schema: XmlReadSchema, value: unknown): unknown {
  const resolved = schema.$ref ? (doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')] as XmlReadSchema) : schema;
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
