// XML bodies read back into the typed JSON shape, driven by the contract: the API writes arrays as
// repeated elements without a wrapper, so whether an element is a list (even with one element) and
// whether its text is a number or a boolean is something only the schema can tell.
import { loadContractDocument, type OpenApiDocument } from '../../server/contract.js';
import { parseXmlDocument, xmlValueToJson, type XmlReadSchema } from '../../server/contract-xml.js';

/** The bodies the client reads. */
export type XmlBodySchema = 'AapneKrav' | 'AlleKrav' | 'Innbetalinger' | 'Utbetalinger' | 'Feil';

let contract: OpenApiDocument | undefined;

/**
 * Reads an XML body of the API into the JSON shape of `schema` (`components.schemas` of
 * contracts/openapi.yaml). Checks the root element (and, for errors, the namespace) the contract
 * gives for it.
 * @throws when the document is not XML or its root element is not the one the contract names
 */
export function readXmlBody(xml: string, schema: XmlBodySchema): unknown {
  contract ??= loadContractDocument();
  const definition = contract.components.schemas[schema] as XmlReadSchema & { xml?: { name?: string; namespace?: string } };
  const { root, namespace, value } = parseXmlDocument(xml);
  const expected = definition.xml?.name;
  if (expected !== undefined && root !== expected) throw new Error(`expected XML root element <${expected}>, got <${root}>`);
  const expectedNamespace = definition.xml?.namespace;
  if (expectedNamespace !== undefined && namespace !== expectedNamespace) {
    throw new Error(`expected <${root}> in namespace ${expectedNamespace}, got ${namespace ?? 'no namespace'}`);
  }
  return xmlValueToJson(contract, definition, value);
}
