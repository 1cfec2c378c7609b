import { createParser, type EventSourceMessage, type ParseError } from 'eventsource-parser';

/** What a byte-level reader reports: parsed events, comments and the parser's complaints. */
export interface ByteParserCallbacks {
  onEvent: (event: EventSourceMessage) => void;
  onComment?: (comment: string) => void;
  onRetry?: (retryMs: number) => void;
  onError?: (error: ParseError) => void;
}

/** Feeds raw response bytes (split anywhere) to eventsource-parser. */
export interface ByteParser {
  /** Parses `chunk`; returns its text, decoded as the parser got it (a split character waits for its last byte). */
  feed(chunk: Uint8Array): string;
  /** Flushes a trailing partial UTF-8 sequence. Call once when the body ends. */
  end(): void;
}

/**
 * Glue between a byte stream and eventsource-parser: decodes UTF-8 across chunk boundaries
 * (a character split between two reads is kept until its last byte arrives) and hands text on.
 * The event-stream rules themselves are eventsource-parser's; nothing is parsed here.
 */
export function createByteParser(callbacks: ByteParserCallbacks): ByteParser {
  const decoder = new TextDecoder('utf-8');
  const parser = createParser(callbacks);
  let endsWithCR = false;
  const feedText = (text: string) => {
    if (!text) return text;
    endsWithCR = text.endsWith('\r');
    parser.feed(text);
    return text;
  };
  return {
    feed(chunk) {
      return feedText(decoder.decode(chunk, { stream: true }));
    },
    end() {
      feedText(decoder.decode());
      // A CR at the very end is a whole line ending (no LF can follow any more), but the parser
      // holds it back waiting for one; an LF completes it without adding a line.
      if (endsWithCR) parser.feed('\n');
    },
  };
}
