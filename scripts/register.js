// Runs the TypeScript sources directly (SWC, with decorator metadata and the tsconfig path
// aliases): `node -r ./scripts/register.js apps/<service>/src/main.ts`.
const path = require('node:path');
process.env.SWC_NODE_PROJECT ??= path.join(__dirname, '..', 'tsconfig.json');
require('@swc-node/register');
