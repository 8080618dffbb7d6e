// Lets Node 24 run this repository's TypeScript directly (demo, benchmarks, stand-ins): Node strips the
// types itself; this hook only maps the `.js` specifiers that NodeNext style requires to the `.ts` files.
import { registerHooks } from 'node:module'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (/^[./]/.test(specifier) && specifier.endsWith('.js') && context.parentURL?.startsWith('file:')) {
      const ts = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL)
      if (!existsSync(fileURLToPath(new URL(specifier, context.parentURL))) && existsSync(fileURLToPath(ts))) {
        return nextResolve(ts.href, context)
      }
    }
    return nextResolve(specifier, context)
  }
})
