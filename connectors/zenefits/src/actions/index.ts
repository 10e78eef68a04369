export { type ZenefitsImportChannelCredentials, zenefitsImportChannelCredentials } from "./import-channel";
export { candidateOf, importHire } from "./import-hire";
