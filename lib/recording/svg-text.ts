/*
 * Text in a hand-written SVG. A template is anyone's text (`<`, `&`, quotes, emoji, line breaks,
 * control characters), and the file must stay well-formed XML whatever it holds.
 */

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

// XML 1.0 allows tab, LF and CR among the C0 controls, and no lone surrogate or U+FFFE/U+FFFF:
// anything else makes the whole file unreadable, so it becomes U+FFFD, as a decoder shows it.
// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text made safe for an XML element's content or a quoted attribute value. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML_CHAR, '\uFFFD').replace(/[&<>"']/g, (char) => XML_ENTITIES[char]!);
}

/** One line for a table cell or the wire: a line break shows as ↵, since SVG text would fold it into a space. */
export function oneLine(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '↵');
}

/**
 * The text cut to `maxChars` characters (code points, so an emoji is never split in half), with
 * an ellipsis when something was cut.
 */
export function fitText(text: string, maxChars: number): string {
  const chars = [...text];
  return chars.length <= maxChars ? text : `${chars.slice(0, Math.max(0, maxChars - 1)).join('')}…`;
}

/** Milliseconds as an SMIL clock value in seconds: `1.002s`. */
export function clockValue(ms: number): string {
  return `${(ms / 1000).toFixed(3)}s`;
}
