// kravmock/pact: the contract-test kit for vendors. Pact matchers derived from the contract, the
// check of a pact file against contracts/openapi.yaml, and provider verification against kravmock.
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
export {
  verifyPacts,
  type InteractionFailure,
  type PactMismatch,
  type UnknownState,
  type VerifyPactsOptions,
  type VerifyPactsResult,
} from './verify.js';
export { DEFAULT_BANK_ORG } from './credentials.js';
export { FAULT_FAILURES, KNOWN_PARAMETERS, STATE_PARAMETERS, type FaultCode, type StateParameter, type StateParams } from './provider-states.js';
