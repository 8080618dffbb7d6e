// The floor of the action's cold start: a bundle of nothing but @actions/core failing the step, as the
// action does on a bad input. `npm run bench` bundles this with ncc and times it beside dist/index.js.
import * as core from '@actions/core'

core.setFailed('core floor')
