/**
 * Debian's headless Chromium for the HTML export tests: the DOM after the page ran (`--dump-dom`) and a
 * screenshot decoded to pixels. Each run gets its own profile folder and no network.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { inflateSync } from 'node:zlib'

export const CHROMIUM = '/usr/bin/chromium'

/**
 * Whether the browser tests run: always in CI (where a missing browser must fail them), elsewhere only
 * when Chromium is installed.
 */
export function browserTestsRun(): boolean {
  return existsSync(CHROMIUM) || Boolean(process.env.CI)
}

function chromium(args: string[]): { stdout: string; status: number | null; stderr: string } {
  const profile = mkdtempSync(join(tmpdir(), 'deploy-gate-chromium-'))
  try {
    const result = spawnSync(
      CHROMIUM,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--hide-scrollbars',
        `--user-data-dir=${profile}`,
        // Lets timers and load handlers run before the DOM is dumped, so a script that would run does.
        '--virtual-time-budget=3000',
        ...args
      ],
      { encoding: 'utf8', timeout: 60_000 }
    )
    if (result.error) throw result.error
    return { stdout: result.stdout, status: result.status, stderr: result.stderr }
  } finally {
    rmSync(profile, { recursive: true, force: true })
  }
}

/** The page's DOM after loading it (and running whatever it was allowed to run). */
export function dumpDom(htmlPath: string): string {
  const result = chromium(['--dump-dom', pathToFileURL(htmlPath).href])
  if (result.status !== 0)
    throw new Error(`chromium --dump-dom failed (${result.status}): ${result.stderr.slice(-500)}`)
  return result.stdout
}

export interface Image {
  width: number
  height: number
  /** RGB triples, row by row. */
  rgb: Uint8Array
}

export function screenshot(htmlPath: string, pngPath: string, width = 1280, height = 1000): Image {
  const result = chromium([
    `--screenshot=${pngPath}`,
    `--window-size=${width},${height}`,
    pathToFileURL(htmlPath).href
  ])
  if (!existsSync(pngPath))
    throw new Error(`chromium --screenshot wrote nothing (${result.status}): ${result.stderr.slice(-500)}`)
  return decodePng(readFileSync(pngPath))
}

/** Pixels within `tolerance` of the colour. */
export function countColour(image: Image, [r, g, b]: [number, number, number], tolerance = 12): number {
  let n = 0
  for (let i = 0; i < image.rgb.length; i += 3) {
    if (
      Math.abs((image.rgb[i] as number) - r) <= tolerance &&
      Math.abs((image.rgb[i + 1] as number) - g) <= tolerance &&
      Math.abs((image.rgb[i + 2] as number) - b) <= tolerance
    ) {
      n += 1
    }
  }
  return n
}

/** A PNG decoder for what Chromium writes: 8-bit RGB or RGBA, not interlaced. */
export function decodePng(png: Buffer): Image {
  if (!png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    throw new Error('not a PNG')
  }
  let offset = 8
  let width = 0
  let height = 0
  let channels = 0
  const data: Buffer[] = []
  while (offset < png.length) {
    const length = png.readUInt32BE(offset)
    const type = png.toString('latin1', offset + 4, offset + 8)
    const body = png.subarray(offset + 8, offset + 8 + length)
    if (type === 'IHDR') {
      width = body.readUInt32BE(0)
      height = body.readUInt32BE(4)
      const [depth, colour, , , interlace] = [body[8], body[9], body[10], body[11], body[12]]
      if (depth !== 8 || interlace !== 0 || (colour !== 2 && colour !== 6)) throw new Error('unsupported PNG')
      channels = colour === 2 ? 3 : 4
    } else if (type === 'IDAT') {
      data.push(body)
    }
    offset += 12 + length
  }
  const raw = inflateSync(Buffer.concat(data))
  const stride = width * channels
  const out = new Uint8Array(width * height * 3)
  let previous = new Uint8Array(stride)
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)]
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1))
    const current = new Uint8Array(stride)
    for (let x = 0; x < stride; x += 1) {
      const a = x >= channels ? (current[x - channels] as number) : 0
      const b = previous[x] as number
      const c = x >= channels ? (previous[x - channels] as number) : 0
      const value = line[x] as number
      let predicted = 0
      if (filter === 1) predicted = a
      else if (filter === 2) predicted = b
      else if (filter === 3) predicted = (a + b) >> 1
      else if (filter === 4) {
        const p = a + b - c
        const pa = Math.abs(p - a)
        const pb = Math.abs(p - b)
        const pc = Math.abs(p - c)
        predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c
      }
      current[x] = (value + predicted) & 0xff
    }
    for (let x = 0; x < width; x += 1) {
      out.set(current.subarray(x * channels, x * channels + 3), (y * width + x) * 3)
    }
    previous = current
  }
  return { width, height, rgb: out }
}
