// The typed parameters of each restriction kind (stored as JSON in UpcRestrictions.Params), built from the kinds' modules.
export { restrictionParamsSchema, type RestrictionParams } from "../restrictions/kinds";
export { WEEKDAYS, callSlotSchema, namedOfficerTargetSchema, officerSchema, type CallSlot, type NamedOfficerTarget, type Officer, type Weekday } from "./restriction-parts";
