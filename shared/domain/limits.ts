// How much text each kind of column holds: SharePoint's own limits, and the product's for free text in a step.
// SharePoint: a single line of text holds at most 255 characters; a multiple-lines column at most 63,999 (Microsoft
// Learn, "SharePoint limits" and the column's maxLength in the list schema).
export const SINGLE_LINE_MAX = 255;
export const MULTI_LINE_MAX = 63_999;
/** Free text a person writes into one step (guidance, reasons, notes): well inside a multiple-lines column. */
export const FREE_TEXT_MAX = 10_000;

/** "70,000" for messages. */
export const characters = (n: number) => n.toLocaleString("en-GB");
