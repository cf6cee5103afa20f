// The data layer's public face: one Graph client per app, the schema, provisioning, repositories and sender lookup.
export { createGraph, ensureOk, MAX_BATCH, type Graph, type TokenSource, type BatchRequest, type BatchResponse } from "./client/factory";
export { DataError, type DataErrorKind } from "./client/errors";
export { odataString } from "./client/odata";
export { SCHEMA, LISTS } from "./schema/lists";
export { PERMISSIONS } from "./schema/permissions";
export { provision, type ProvisionReport } from "./provision/provision";
export type { Site } from "./repos/items";
export * as customers from "./repos/customers";
export * as identities from "./repos/identities";
export * as contacts from "./repos/contacts";
export * as cases from "./repos/cases";
export * as restrictions from "./repos/restrictions";
export * as reviews from "./repos/reviews";
export { lookupSender, cachedSenderLookup, type SenderResult, type SenderQuery } from "./lookup/sender";
export { devUserTokens, devAppTokens } from "./auth/dev-token";
export { loadCustomerCard, type CustomerCard } from "./lookup/card";
export { whoAmI, type Me } from "./directory/roles";
