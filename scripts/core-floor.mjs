// The floor of the action's cold start: a bundle of nothing but @actions/core (as patched in patches/)
// failing the step, as the action does on a bad input. `npm run bench` bundles this with ncc and times it
// beside dist/index.js; the difference is deploy-gate's own start-up code.
import * as core from '@actions/core'

core.setFailed('core floor')
