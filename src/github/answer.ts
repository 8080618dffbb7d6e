import { UpstreamError } from '../errors.js'

/**
 * A typed walk over an answer from GitHub. Every value the adapter uses is checked as it is read: a field
 * that is missing or of the wrong type is a malformed answer, and the gate fails closed on it.
 */
export class Answer {
  readonly value: unknown
  readonly path: string
  readonly what: string

  constructor(value: unknown, path: string, what: string) {
    this.value = value
    this.path = path
    this.what = what
  }

  static of(value: unknown, what: string): Answer {
    return new Answer(value, '$', what)
  }

  private field(key: string): unknown {
    if (typeof this.value !== 'object' || this.value === null || Array.isArray(this.value)) {
      throw this.malformed(this.path, 'an object')
    }
    return (this.value as Record<string, unknown>)[key]
  }

  private malformed(path: string, expected: string): UpstreamError {
    return new UpstreamError(
      'GitHub',
      `GitHub gave a malformed answer to ${this.what}: ${path} is not ${expected}; the gate cannot establish the facts.`,
      null
    )
  }

  has(key: string): boolean {
    const value = this.field(key)
    return value !== undefined && value !== null
  }

  obj(key: string): Answer {
    const value = this.field(key)
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw this.malformed(`${this.path}.${key}`, 'an object')
    }
    return new Answer(value, `${this.path}.${key}`, this.what)
  }

  objOrNull(key: string): Answer | null {
    const value = this.field(key)
    return value === null ? null : this.obj(key)
  }

  list(key: string): Answer[] {
    const value = this.field(key)
    if (!Array.isArray(value)) throw this.malformed(`${this.path}.${key}`, 'a list')
    return value.map((item, i) => new Answer(item, `${this.path}.${key}[${i}]`, this.what))
  }

  /** The elements of this value, which must be a list. */
  items(): Answer[] {
    if (!Array.isArray(this.value)) throw this.malformed(this.path, 'a list')
    return this.value.map((item, i) => new Answer(item, `${this.path}[${i}]`, this.what))
  }

  str(key: string): string {
    const value = this.field(key)
    if (typeof value !== 'string') throw this.malformed(`${this.path}.${key}`, 'a string')
    return value
  }

  strOrNull(key: string): string | null {
    const value = this.field(key)
    return value === null || value === undefined ? null : this.str(key)
  }

  num(key: string): number {
    const value = this.field(key)
    if (typeof value !== 'number' || !Number.isFinite(value))
      throw this.malformed(`${this.path}.${key}`, 'a number')
    return value
  }

  bool(key: string): boolean {
    const value = this.field(key)
    if (typeof value !== 'boolean') throw this.malformed(`${this.path}.${key}`, 'a boolean')
    return value
  }

  /** A string field that must be one of `allowed`. */
  oneOf<T extends string>(key: string, allowed: readonly T[]): T {
    const value = this.str(key)
    if (!(allowed as readonly string[]).includes(value)) {
      throw this.malformed(
        `${this.path}.${key}`,
        `one of ${allowed.join(', ')} (it is '${value.slice(0, 40)}')`
      )
    }
    return value as T
  }
}
