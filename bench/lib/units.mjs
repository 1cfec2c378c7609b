// Rounding for the report and the JSON: null stays null, so a figure not measured never reads as 0.

/** KB → MB, one decimal. */
export const MB = (kb) => (kb === null || kb === undefined ? null : Math.round((kb / 1024) * 10) / 10);

/** `value` to `digits` decimals; null for anything not a finite number. */
export const round = (value, digits = 2) =>
  value === null || value === undefined || !Number.isFinite(value) ? null : Math.round(value * 10 ** digits) / 10 ** digits;
