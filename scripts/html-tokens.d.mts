// Types for scripts/html-tokens.mjs.
export interface HtmlAttribute {
  name: string;
  value: string | null;
}
export interface HtmlTag {
  kind: 'tag';
  name: string;
  attributes: HtmlAttribute[];
  start: number;
  end: number;
  text?: string;
  textStart?: number;
  textEnd?: number;
}
export declare function scanTags(html: string): HtmlTag[];
export declare function decodeEntities(value: string): string;
export declare function attribute(tag: HtmlTag, name: string): string | null | undefined;
