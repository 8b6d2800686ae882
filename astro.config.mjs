// @ts-check
import { satteri } from '@astrojs/markdown-satteri';
import { defineConfig } from 'astro/config';
import { frenchSpacingPlugin } from './site/lib/markdown-french.ts';

export default defineConfig({
  srcDir: './site',
  outDir: './dist',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  markdown: { processor: satteri({ mdastPlugins: [frenchSpacingPlugin] }) },
});
