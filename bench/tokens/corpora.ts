import { createRandom, type Random } from './prng';

/** A named benchmark text. */
export interface Corpus {
  readonly name: string;
  readonly text: string;
}

const COMMON = (
  'the of and to in is was that for it with as his on be at by had are but from or have an they which one ' +
  'you were her all she there would their we him been has when who will more no if out so said what up its ' +
  'about into than them can only other new some could time these two may then do first any my now such like ' +
  'our over man me even most made after also did many before must through back years where much your way ' +
  'well down should because each just those people how too little state good very make world still own see ' +
  'men work long get here between both life being under never day same another know while last might us ' +
  'great old year off come since against go came right used take three government development relationship ' +
  'approximately nevertheless understanding environmental responsibility extraordinary'
).split(' ');
const CONTRACTIONS = ["don't", "it's", "we'll", "they're", "I've", "she'd", "can't", "you're", "I'm"];
const SYLLABLES = 'ka to ri mun sel vor pla tre quo zan bri xel dho fen gra lum nix oph rav sti'.split(' ');

function word(random: Random): string {
  const roll = random.next();
  if (roll < 0.06) return random.pick(CONTRACTIONS);
  if (roll < 0.14) {
    let made = '';
    for (let i = 1 + random.below(4); i > 0; i--) made += random.pick(SYLLABLES);
    return made;
  }
  if (roll < 0.17) return String(random.below(100_000));
  // Squaring skews picks towards the front of the list, as word frequencies are.
  const index = Math.floor(random.next() ** 2 * COMMON.length);
  return COMMON[index] ?? 'the';
}

/** English-like prose: frequent words, invented words, contractions, numbers, punctuation, paragraphs. */
export function englishProse(bytes: number, seed: number): string {
  const random = createRandom(seed);
  const out: string[] = [];
  let size = 0;
  while (size < bytes) {
    let sentence = '';
    for (let i = 0, n = 4 + random.below(18); i < n; i++) {
      let next = word(random);
      if (i === 0) next = next.charAt(0).toUpperCase() + next.slice(1);
      if (random.next() < 0.03) next = `"${next}"`;
      sentence += (i === 0 ? '' : ' ') + next + (random.next() < 0.07 ? random.pick([',', ';', ':']) : '');
    }
    sentence += random.pick(['. ', '. ', '. ', '? ', '! ', '.\n\n']);
    out.push(sentence);
    size += sentence.length;
  }
  return out.join('').slice(0, bytes);
}

const IDENTIFIERS =
  'user count items result value index config request response handler buffer token map list'.split(' ');
const HANZI =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严';
const KANA =
  'あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをんアイウエオカキクケコサシスセソタチツテト';
const EMOJI = ['🎉', '🚀', '✅', '❌', '🔥', '👍🏽', '👩‍💻', '👨‍👩‍👧‍👦', '🏳️‍🌈', '🇯🇵', '1️⃣', '😀', '🤖', '🧑🏿‍🔬', '❤️'];

function cjkPhrase(random: Random): string {
  let phrase = '';
  for (let i = 2 + random.below(24); i > 0; i--) {
    const roll = random.next();
    if (roll < 0.6) phrase += HANZI.charAt(random.below(HANZI.length));
    else if (roll < 0.85) phrase += KANA.charAt(random.below(KANA.length));
    else if (roll < 0.95) phrase += String.fromCharCode(0xac00 + random.below(11172));
    else phrase += random.pick(['，', '。', '、', '「', '」', '！']);
  }
  return phrase;
}

function identifier(random: Random): string {
  const first = random.pick(IDENTIFIERS);
  const rest = random.next() < 0.5 ? random.pick(IDENTIFIERS) : '';
  return rest === '' ? first : first + rest.charAt(0).toUpperCase() + rest.slice(1);
}

function codeLine(random: Random, depth: number): string {
  const indent = '  '.repeat(depth);
  const a = identifier(random);
  const b = identifier(random);
  switch (random.below(8)) {
    case 0:
      return `${indent}// ${cjkPhrase(random)} ${random.next() < 0.2 ? random.pick(EMOJI) : ''}`;
    case 1:
      return `${indent}const ${a} = ${b}.get('${cjkPhrase(random)}') ?? ${random.below(10_000)};`;
    case 2:
      return `${indent}if (${a}.length > ${random.below(512)} && !${b}) {`;
    case 3:
      return `${indent}for (let i = 0; i < ${a}.size; i += 1) ${b}[i] = ${a}.at(i) * 0x${random.below(65_536).toString(16)};`;
    case 4:
      return `${indent}throw new Error(\`${cjkPhrase(random)}: \${${a}}\`);`;
    case 5:
      return `${indent}def ${a}_${b}(self, ${a}: int = ${random.below(99)}) -> dict[str, list[float]]:`;
    case 6:
      return `${indent}return { ${a}, ${b}: await fetch${b}(${a}, { retries: ${random.below(5)} }) };`;
    default:
      return `${indent}}`;
  }
}

/** Mixed TypeScript/Python-like code with CJK comments and strings, nesting and a few emoji. */
export function codeAndCjk(bytes: number, seed: number): string {
  const random = createRandom(seed);
  const lines: string[] = [];
  let size = 0;
  let depth = 0;
  while (size < bytes) {
    depth = Math.max(0, Math.min(8, depth + random.below(3) - 1));
    const line = codeLine(random, depth);
    lines.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  return lines.join('\n');
}

/** Emoji of every shape (ZWJ families, skin tones, flags, keycaps) between short words. */
export function emojiText(bytes: number, seed: number): string {
  const random = createRandom(seed);
  const out: string[] = [];
  let size = 0;
  while (size < bytes) {
    const chunk =
      random.next() < 0.3
        ? `${word(random)} `
        : random.pick(EMOJI).repeat(1 + random.below(3)) + random.pick(['', ' ', '\n']);
    out.push(chunk);
    size += Buffer.byteLength(chunk);
  }
  return out.join('');
}

/** Indented lines, blank lines, tabs, trailing spaces and CRLF: the whitespace rules of the regex. */
export function whitespaceRuns(bytes: number, seed: number): string {
  const random = createRandom(seed);
  const out: string[] = [];
  let size = 0;
  while (size < bytes) {
    const indent = random.next() < 0.2 ? '\t'.repeat(random.below(6)) : ' '.repeat(random.below(48));
    const trailing = random.next() < 0.3 ? ' '.repeat(1 + random.below(12)) : '';
    const end = random.pick(['\n', '\n', '\r\n', '\n\n\n', '\n  \n']);
    const chunk = `${indent}${word(random)}${trailing}${end}`;
    out.push(chunk);
    size += chunk.length;
  }
  return out.join('');
}

/** One letter repeated: a single pre-token as long as the text, the worst case for a quadratic merge. */
export function oneLetter(bytes: number): string {
  return 'a'.repeat(bytes);
}

/** Random lowercase letters with no spaces: one long pre-token with varied merges. */
export function randomLetters(bytes: number, seed: number): string {
  const random = createRandom(seed);
  const codes = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i++) codes[i] = 97 + random.below(26);
  return Buffer.from(codes).toString('latin1');
}
