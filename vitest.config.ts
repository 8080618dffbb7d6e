import { createRequire } from 'node:module'
import { defineConfig } from 'vitest/config'

const require = createRequire(import.meta.url)

export default defineConfig({
  resolve: {
    // One copy of graphql for the schema package, the stand-in and the validation tests.
    alias: { graphql: require.resolve('graphql').replace(/index\.js$/, 'index.mjs') }
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks'
  }
})
