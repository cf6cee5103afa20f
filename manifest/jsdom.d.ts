// The one part of jsdom (a devDependency without bundled types) that manifest/xml-validate.ts uses: its DOMParser.
declare module "jsdom" {
  export class JSDOM {
    constructor(html?: string);
    readonly window: { DOMParser: typeof DOMParser };
  }
}
