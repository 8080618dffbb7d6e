// `npm run build`: dist/index.js (the action) and dist/cli/index.js (the `deploy-gate` command).
import { rmSync } from 'node:fs'
import { buildDist } from './dist.mjs'

rmSync('dist', { recursive: true, force: true })
buildDist('dist')
