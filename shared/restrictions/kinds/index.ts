// The registry of restriction kinds: every kind's module, looked up by kind, and the parameters' union built from them.
import { z } from "zod";
import type { RestrictionKind } from "../../domain/vocab";
import { blockElectronic, schema as blockElectronicSchema } from "./block-electronic";
import { callLength, schema as callLengthSchema } from "./call-length";
import { callSlots, schema as callSlotsSchema } from "./call-slots";
import { contactQuota, schema as contactQuotaSchema } from "./contact-quota";
import { described, schema as describedSchema } from "./described";
import { filedWithoutReply, schema as filedWithoutReplySchema } from "./filed-without-reply";
import type { RestrictionKindModule } from "./module";
import { namedOfficer, schema as namedOfficerSchema } from "./named-officer";
import { newIssuesOnly, schema as newIssuesOnlySchema } from "./new-issues-only";
import { noContact, schema as noContactSchema } from "./no-contact";
import { noSameMatter, schema as noSameMatterSchema } from "./no-same-matter";
import { openEnquiryOnly, schema as openEnquiryOnlySchema } from "./open-enquiry-only";
import { premisesAccess, schema as premisesAccessSchema } from "./premises-access";
import { seriousOnly, schema as seriousOnlySchema } from "./serious-only";
import { singleChannel, schema as singleChannelSchema } from "./single-channel";
import { witness, schema as witnessSchema } from "./witness";

/** Every kind's parameters; stored as JSON in UpcRestrictions.Params. */
export const restrictionParamsSchema = z.discriminatedUnion("kind", [
  singleChannelSchema,
  namedOfficerSchema,
  callSlotsSchema,
  callLengthSchema,
  contactQuotaSchema,
  witnessSchema,
  noSameMatterSchema,
  newIssuesOnlySchema,
  seriousOnlySchema,
  premisesAccessSchema,
  filedWithoutReplySchema,
  noContactSchema,
  blockElectronicSchema,
  openEnquiryOnlySchema,
  describedSchema,
]);
export type RestrictionParams = z.infer<typeof restrictionParamsSchema>;
export type ParamsOf<K extends RestrictionKind> = Extract<RestrictionParams, { kind: K }>;

/** One module per kind in RESTRICTION_KINDS; the mapped type makes a kind without a module a compile error. */
export const KIND_MODULES: { readonly [K in RestrictionKind]: RestrictionKindModule<ParamsOf<K>> } = {
  SingleChannel: singleChannel,
  NamedOfficer: namedOfficer,
  CallSlots: callSlots,
  CallLength: callLength,
  ContactQuota: contactQuota,
  Witness: witness,
  NoSameMatter: noSameMatter,
  NewIssuesOnly: newIssuesOnly,
  SeriousOnly: seriousOnly,
  PremisesAccess: premisesAccess,
  FiledWithoutReply: filedWithoutReply,
  NoContact: noContact,
  BlockElectronic: blockElectronic,
  OpenEnquiryOnly: openEnquiryOnly,
  Described: described,
};

/** The module of a kind. */
export function kindModule<K extends RestrictionKind>(kind: K): RestrictionKindModule<ParamsOf<K>> {
  return KIND_MODULES[kind];
}

/** The module that reads these parameters, typed to take them. */
export function moduleFor<P extends RestrictionParams>(params: P): RestrictionKindModule<P> {
  return KIND_MODULES[params.kind] as unknown as RestrictionKindModule<P>;
}

export type { FormFieldSpec, FormOption, FormPerson, FormSlot, FormValue, FormValues, KindCheck, KindFormSpec, KindResult, KindRow, MailContext, RestrictionKindModule } from "./module";
export type { Read } from "./read";
