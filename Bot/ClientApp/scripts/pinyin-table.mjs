// Writes the sound of every common Chinese character (U+4E00..U+9FFF) as toneless pinyin, all its
// readings, one character a line: "行\txing hang heng". The reader uses it to read a word typed with
// the wrong character of the same sound (逾其 for 逾期). Run at build time from Bot.csproj, like the
// holiday table: the readings come from npm's pinyin-pro, not from a table typed by hand.
import { pinyin } from 'pinyin-pro';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const out = process.argv[2];
const lines = [];
for (let code = 0x4e00; code <= 0x9fff; code++) {
  const ch = String.fromCodePoint(code);
  const readings = pinyin(ch, { toneType: 'none', multiple: true, type: 'array', v: true })
    .filter(r => /^[a-z]+$/.test(r));
  if (readings.length > 0) {
    lines.push(`${ch}\t${[...new Set(readings)].join(' ')}`);
  }
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, lines.join('\n') + '\n');
console.log(`pinyin table: ${lines.length} characters -> ${out}`);
