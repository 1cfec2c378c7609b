/** The `default` of an exhaustive switch: fails to type-check when a case is missing, and throws if one arrives at run time anyway. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}
