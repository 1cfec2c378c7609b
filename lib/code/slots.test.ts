import { describe, expect, it } from 'vitest';
import { fillSlots } from './slots';

const red = { color: 'red' };
const blue = { color: 'blue' };

describe('fillSlots', () => {
  it('replaces a slot inside one token, keeping its style and the text around it', () => {
    const tokens = [
      { text: 'range(', style: red },
      { text: '3', style: blue },
      { text: '):', style: red },
    ];
    expect(fillSlots(tokens, [{ start: 6, end: 7, text: '1000' }])).toEqual([
      { text: 'range(', style: red },
      { text: '1000', style: blue },
      { text: '):', style: red },
    ]);
  });

  it('replaces a slot spanning several tokens with one run styled like the first', () => {
    const tokens = [
      { text: "f'data: Message ", style: blue },
      { text: '{i}', style: red },
      { text: "\\n\\n'", style: blue },
    ];
    expect(fillSlots(tokens, [{ start: 8, end: 19, text: 'Hi {i}' }])).toEqual([
      { text: "f'data: ", style: blue },
      { text: 'Hi {i}', style: blue },
      { text: "\\n\\n'", style: blue },
    ]);
  });

  it('leaves a line without slots as it was', () => {
    const tokens = [{ text: 'import time', style: red }];
    expect(fillSlots(tokens, [])).toEqual(tokens);
  });
});
