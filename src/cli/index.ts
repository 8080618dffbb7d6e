#!/usr/bin/env node
console.error('deploy-gate: the command-line tool is not built yet')
process.exitCode = 2
