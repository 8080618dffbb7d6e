#!/usr/bin/env node
import './sourcemap-register.cjs';var __webpack_exports__ = {};
console.error('deploy-gate: the command-line tool is not built yet');
process.exitCode = 2;



//# sourceMappingURL=index.js.map