/**
 * patches/@actions+core+3.0.1.patch moves two of @actions/core's imports from start-up to first use: the
 * OIDC client (which brings @actions/http-client and Node's network stack) and @actions/exec (which brings
 * child_process). These tests run the patched library itself to show both features still work, now
 * loading what they need when called. test/e2e/startup.test.ts shows the start-up path no longer loads them.
 */
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as core from '@actions/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ROOT } from '../support/run-action.js'

let server: Server | undefined
afterEach(async () => {
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
  await new Promise(done => (server ? server.close(done) : done(undefined)))
  server = undefined
})

describe('the @actions/core patch', () => {
  it('is applied to the installed library (npm ci runs patch-package as the prepare script)', () => {
    const coreJs = readFileSync(join(ROOT, 'node_modules/@actions/core/lib/core.js'), 'utf8')
    const platformJs = readFileSync(join(ROOT, 'node_modules/@actions/core/lib/platform.js'), 'utf8')
    expect(coreJs).not.toMatch(/^import .*oidc-utils/m)
    expect(platformJs).not.toMatch(/^import .*@actions\/exec/m)
  })

  it('still gets an OIDC token, loading the client on first use', async () => {
    const seen: { url?: string; authorization?: string } = {}
    server = createServer((req, res) => {
      seen.url = req.url
      seen.authorization = req.headers.authorization
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify({ value: 'oidc-id-token' }))
    })
    await new Promise<void>(done => server!.listen(0, '127.0.0.1', done))
    const { port } = server.address() as AddressInfo
    vi.stubEnv('ACTIONS_ID_TOKEN_REQUEST_URL', `http://127.0.0.1:${port}/token?api-version=2.0`)
    vi.stubEnv('ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'request-token')
    const printed = vi.spyOn(process.stdout, 'write').mockImplementation(() => true)

    await expect(core.getIDToken('deploy-gate')).resolves.toBe('oidc-id-token')
    expect(seen.url).toBe('/token?api-version=2.0&audience=deploy-gate')
    expect(seen.authorization).toBe('Bearer request-token')
    // The library still masks the token it received.
    expect(printed.mock.calls.map(([text]) => String(text)).join('')).toContain('::add-mask::oidc-id-token')
  })

  it('still reads the platform details, loading @actions/exec on first use', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'deploy-gate-lsb-'))
    const lsb = join(bin, 'lsb_release')
    writeFileSync(lsb, '#!/bin/sh\necho Debian\necho 12\n')
    chmodSync(lsb, 0o755)
    vi.stubEnv('PATH', `${bin}:${process.env.PATH ?? ''}`)
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true)

    await expect(core.platform.getDetails()).resolves.toMatchObject({
      name: 'Debian',
      version: '12',
      isLinux: true
    })
  })
})
