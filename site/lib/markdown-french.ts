/**
 * Plugin of the site's Markdown processor (Sätteri, Astro's default): French spacing (see
 * `frenchSpacing`) in the text of the school's pages, never in code, URLs or attributes.
 */
import { frenchSpacing } from './typography.ts';

/** The part of Sätteri's mdast text node and visitor context this plugin uses. */
interface TextNode {
  readonly value: string;
}
interface VisitorContext {
  setProperty(node: TextNode, key: 'value', value: string): void;
}

/** For `satteri({ mdastPlugins: [frenchSpacingPlugin] })` in astro.config.mjs. */
export const frenchSpacingPlugin = {
  name: 'recevable-french-spacing',
  text(node: TextNode, ctx: VisitorContext): void {
    const value = frenchSpacing(node.value);
    if (value !== node.value) ctx.setProperty(node, 'value', value);
  },
};
