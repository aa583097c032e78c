// `npm run build`'s step after tsc: the JSON Schema validators kravmock would otherwise compile at
// every start or first answer, as ajv standalone modules in dist/server/generated/ (each tagged with
// the hash of the schema it was made from, and used only for that schema).
import { writeContractValidators } from './contract-precompiled.js';
import { writePrecompiledValidator } from './scenarios/precompiled.js';

writePrecompiledValidator();
writeContractValidators();
