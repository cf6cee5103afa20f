// The raw subject access export as graph/ reads it from SharePoint: described here so the readable bundle can be built
// from it without shared/ importing graph/.

export interface RawVersion {
  id: string;
  lastModifiedDateTime: string;
  lastModifiedBy?: { user?: { displayName?: string; email?: string }; application?: { displayName?: string } };
  fields?: Record<string, unknown>;
}

export interface RawItem {
  id: string;
  createdDateTime?: string;
  lastModifiedDateTime?: string;
  fields: Record<string, unknown>;
  /** Newest first, as SharePoint gives them. */
  versions: RawVersion[];
}

export interface RawExport {
  exportedAt: string;
  exportedBy: string;
  caseRef: string;
  /** SharePoint list name → its rows, or why they were not read. */
  lists: Record<string, RawItem[] | { withheld: string }>;
  notes: string[];
}
