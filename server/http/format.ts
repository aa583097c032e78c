// Content negotiation and serialisation: JSON by default, XML when the client asks for it.
import type { Request } from 'express';
import { XMLBuilder } from 'fast-xml-parser';

export type Format = 'json' | 'xml';

export const MEDIA_TYPES: Record<Format, string> = {
  json: 'application/json',
  xml: 'application/xml',
};

const ERROR_NAMESPACE = 'urn:no:skatteetaten:datasamarbeid:feil:v1';

/**
 * The format the client accepts, or null when it accepts neither JSON nor XML (→ KB-008).
 * JSON wins ties and is the answer to a missing Accept header or a wildcard.
 */
export function negotiateFormat(req: Request): Format | null {
  const chosen = req.accepts(['application/json', 'application/xml', 'text/xml']);
  if (chosen === false) return null;
  return chosen === 'application/json' ? 'json' : 'xml';
}

const xmlBuilder = new XMLBuilder({
  format: true,
  indentBy: '  ',
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  suppressEmptyNode: false,
});

/** XML with element names equal to the JSON names; arrays are repeated elements without a wrapper. */
export function toXml(rootElement: string, body: object, namespace?: string): string {
  const root = namespace ? { '@_xmlns': namespace, ...body } : body;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xmlBuilder.build({ [rootElement]: root }) as string}`;
}

export function serialize(format: Format, rootElement: string, body: object): string {
  return format === 'xml' ? toXml(rootElement, body) : JSON.stringify(body);
}

export function serializeError(format: Format, body: { kode: string; melding: string; korrelasjonsid: string }): string {
  return format === 'xml' ? toXml('feil', body, ERROR_NAMESPACE) : JSON.stringify(body);
}
