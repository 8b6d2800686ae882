// @ts-check
import { defineConfig } from 'astro/config';

export default defineConfig({
  srcDir: './site',
  outDir: './dist',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
