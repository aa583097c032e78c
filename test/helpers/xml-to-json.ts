// Reads an XML response back into the JSON shape the contract describes (moved to
// server/contract-xml.ts, where the reference client uses it too).
export { parseXmlDocument, xmlValueToJson } from '../../server/contract-xml.js';
