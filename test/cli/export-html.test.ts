import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EvidenceRecord } from '../../src/evidence/record.js'
import { browserTestsRun, CHROMIUM, countColour, dumpDom, screenshot } from './support/chromium.js'
import {
  aChange,
  aRecord,
  anEmergency,
  at,
  chain,
  removeDir,
  runCli,
  sha,
  tempDir,
  writeLedger
} from './support/ledger.js'

/** Each payload would set document.title if it ran. */
const PAYLOADS = [
  `<script>document.title='pwned-script'</script>`,
  `<img src=x onerror="document.title='pwned-img'">`,
  `"><svg onload="document.title='pwned-svg'">`,
  `</td></tr></table><iframe srcdoc="<script>parent.document.title='pwned-iframe'</script>"></iframe>`
]

function ledger(): EvidenceRecord[] {
  const records = []
  // Three weeks of deploys, an emergency in the second, a blocked attempt in the third.
  for (let day = 0; day < 21; day += 2) {
    const approvals = [{ login: 'carol', submittedAt: at(day * 24 - 2), commitSha: null }]
    records.push(
      aRecord({
        decidedAt: at(day * 24),
        sha: sha(`d${day}`),
        changes: [aChange({ number: 100 + day, approvals })]
      })
    )
  }
  records.push(
    aRecord({
      decidedAt: at(9 * 24 + 1),
      sha: sha('hotfix'),
      emergency: anEmergency({ justification: PAYLOADS[1] as string }, at(9 * 24 + 1)),
      changes: [
        aChange({
          number: 7,
          title: PAYLOADS[0] as string,
          author: PAYLOADS[2] as string,
          approvals: [{ login: 'erin', submittedAt: at(9 * 24 - 1), commitSha: null }]
        })
      ]
    }),
    aRecord({
      decidedAt: at(16 * 24 + 1),
      sha: sha('blocked'),
      decision: 'block',
      reasons: ['ci-failed'],
      changes: [
        aChange({
          number: 8,
          title: PAYLOADS[3] as string,
          url: "javascript:document.title='pwned-link'",
          approvals: [
            {
              login: `<b onmouseover="document.title='pwned-hover'">x</b>`,
              submittedAt: at(0),
              commitSha: null
            }
          ]
        })
      ]
    })
  )
  records.sort((a, b) => Date.parse(a.decidedAt) - Date.parse(b.decidedAt))
  return chain(records)
}

let dir: string
let html: string
beforeAll(async () => {
  dir = tempDir()
  writeLedger(dir, { production: ledger() })
  const run = await runCli(['export', '--dir', dir, '--format', 'html', '--include-blocked'])
  expect(run.code).toBe(0)
  html = run.stdout
})
afterAll(() => removeDir(dir))

describe('deploy-gate export --format html (the file)', () => {
  it('is self-contained: no script, no external resource, and a policy that forbids both', () => {
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';`
    )
    expect(html).not.toMatch(/<script|<link |<iframe|@import|url\(/i)
    expect(html.match(/(?:src|href)="([^"]*)"/g)?.every(a => a.startsWith('href="https://'))).toBe(true)
  })

  it('escapes every payload and links only http(s) URLs', () => {
    for (const payload of PAYLOADS) expect(html).not.toContain(payload)
    expect(html).not.toMatch(/<img|<iframe|<svg onload|<b onmouseover/)
    expect(html).toContain('&lt;script&gt;document.title=&#39;pwned-script&#39;&lt;/script&gt;')
    expect(html).not.toContain('href="javascript:')
    expect(html).toContain('#8 &lt;/td&gt;&lt;/tr&gt;')
  })

  it('shows the summary figures', () => {
    const figure = (label: string) =>
      new RegExp(`<span class="value">([^<]*)</span><span class="label">${label}</span>`).exec(html)?.[1]
    expect(figure('deploys')).toBe('12')
    expect(figure('emergency deploys')).toBe('1')
    expect(figure('blocked attempts')).toBe('1')
    expect(figure('median last approval → deploy')).toBe('2 h 00 min')
  })

  it('marks emergency rows where blocked rows are marked, with the rules the override bypassed', () => {
    const row = (cls: string) => html.split('\n').find(l => l.startsWith(`<tr class="${cls}">`)) ?? ''
    expect(row('emergency')).toContain(
      '<td>production<span class="tag emergency">emergency</span><span class="sub">bypassed insufficient-approvals</span></td>'
    )
    expect(row('blocked')).toContain(
      '<td>production<span class="tag blocked">blocked</span><span class="sub">ci-failed</span></td>'
    )
    expect(html).toContain('<h2>Deploys and blocked attempts (13 rows, one per pull request)</h2>')
    expect(html).toContain('<tr><th>Deployed or blocked (UTC)</th><th>Environment</th>')
  })

  it('links the run as "run", not the commit hash (which would suggest a link to the commit)', () => {
    const row = html.split('\n').find(l => l.startsWith('<tr class="deploy">')) ?? ''
    expect(row).toContain(
      `<td class="mono"><span title="${sha('d0')}">${sha('d0').slice(0, 12)}</span><span class="sub"><a href="https://github.com/acme/shop/actions/runs/100" rel="noreferrer noopener">run</a></span></td>`
    )
  })

  it('shows no missing approvals for a deploy without pull requests (a rollback)', async () => {
    const own = tempDir()
    try {
      writeLedger(own, {
        production: chain([
          aRecord({ decidedAt: at(0) }),
          aRecord({ decidedAt: at(1), range: 'rollback', changes: [] })
        ])
      })
      const run = await runCli(['export', '--dir', own, '--format', 'html'])
      const rows = run.stdout.split('\n').filter(l => l.startsWith('<tr class="deploy">'))
      expect(rows).toHaveLength(2)
      expect(rows[1]).toContain('no pull request (rollback)')
      expect(rows[1]).not.toContain('none')
      expect(run.stdout).toContain('<h2>Deploys (2 rows, one per pull request)</h2>')
      expect(run.stdout).toContain('<tr><th>Deployed (UTC)</th><th>Environment</th>')
    } finally {
      removeDir(own)
    }
  })

  it('charts every week from the first deploy to the last', () => {
    const bars = [...html.matchAll(/<g class="bar" data-week="([\d-]+)" data-deploys="(\d+)">/g)].map(m => [
      m[1],
      Number(m[2])
    ])
    expect(bars).toEqual([
      ['2024-06-03', 4],
      ['2024-06-10', 4],
      ['2024-06-17', 4]
    ])
  })
})

describe.skipIf(!browserTestsRun())('deploy-gate export --format html in headless Chromium', () => {
  it('has Chromium (in CI a missing browser fails the test rather than skipping it)', () => {
    expect(existsSync(CHROMIUM)).toBe(true)
  })

  it('detects a script that runs (control: an unescaped payload does change the title)', () => {
    const page = join(dir, 'control.html')
    writeFileSync(
      page,
      `<!doctype html><html><head><title>Deploy population</title></head><body>${PAYLOADS[1]}${PAYLOADS[0]}</body></html>`
    )
    expect(dumpDom(page)).toMatch(/<title>pwned-(img|script)<\/title>/)
  })

  it('renders the export without running any script from the data', () => {
    const page = join(dir, 'population.html')
    writeFileSync(page, html)
    const dom = dumpDom(page)
    // The document's title (the first; the chart's bars have SVG titles of their own).
    expect(dom.match(/<title>[^<]*<\/title>/)?.[0]).toBe('<title>Deploy population</title>')
    // No element from the data was created, so none of its handlers could run.
    expect(dom).not.toMatch(/<img|<iframe|<svg onload|<b onmouseover|<a href="javascript/)
    expect(dom.match(/<tr class="(deploy|emergency|blocked)">/g)).toHaveLength(13)
    // The payload reached the reader as text.
    expect(dom).toContain("&lt;script&gt;document.title='pwned-script'&lt;/script&gt;")
    expect(dom.match(/<g class="bar"/g)).toHaveLength(3)
  })

  it('draws the chart: deploy and emergency bars are visible in a screenshot', () => {
    const page = join(dir, 'population.html')
    writeFileSync(page, html)
    const image = screenshot(page, join(dir, 'population.png'))
    expect(image.width).toBe(1280)
    // Bars in the colours of the legend (deploys #1f6feb, emergencies #cf222e, blocked #9a6700).
    expect(countColour(image, [0x1f, 0x6f, 0xeb])).toBeGreaterThan(2000)
    expect(countColour(image, [0xcf, 0x22, 0x2e])).toBeGreaterThan(300)
    expect(countColour(image, [0x9a, 0x67, 0x00])).toBeGreaterThan(300)
  })
})

if (!browserTestsRun()) {
  // Visible in the test output: the browser checks did not run here.
  console.warn(
    `SKIPPED: the headless-browser checks of the HTML export need ${CHROMIUM} (apt-get install chromium)`
  )
}
