// kravmock/pact: the contract-test kit for vendors. Pact matchers derived from the contract, and
// the check of a pact file against contracts/openapi.yaml.
export {
  IDENTIFIER_RULES,
  commonShape,
  errorBody,
  errorBodyXml,
  matchContract,
  matchContractXml,
  withXmlBody,
  type ContractXmlBody,
  type FeilExample,
  type IdentifierRule,
  type XmlBodyBuilder,
  type XmlBodyRule,
} from './matchers.js';
export {
  PactFileProblem,
  checkPactFile,
  checkPacts,
  formatPactReport,
  pactFilesIn,
  type CheckPactOptions,
  type PactFileReport,
  type PactFinding,
} from './check-pact.js';
