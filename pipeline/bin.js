#!/usr/bin/env node
// Entry point of `recevable`. Plain JavaScript so that an old Node gets a readable message
// instead of a syntax error on TypeScript.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(
    `recevable needs Node 22.18 or later (this is ${process.version}).\n` +
      '  fix: run it through npm (`npx recevable …`, `npm start`): the project pins Node 24.\n',
  );
  process.exit(2);
}
const { main } = await import('./cli.ts');
process.exitCode = await main(process.argv.slice(2));
