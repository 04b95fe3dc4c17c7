#!/usr/bin/env node
// The `clientfees` command line: runs the TypeScript sources through SWC.
require('../../../scripts/register.js');
require('../src/main.ts');
