// A deterministic, seeded generator of an SEC-scale workspace for the benchmark: legal text in
// SEC conventions (DESIGN.md §2) and consultation collations in the PDF-text form. The same
// seed and scale always give the same bytes, so runs on different days compare.
//
//   node dist-…/bench/generate.js [--scale N] [--seed S] [--out DIR]
//
// generateWorkspace() is pure (no fs), so the unit test can check it without touching disk.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface GeneratedFile {
  /** Relative path inside the output folder. */
  path: string;
  text: string;
}

export interface GeneratorOptions {
  seed?: number;
  /** Multiplies clauses, definitions and collations. */
  scale?: number;
}

export interface GeneratedWorkspace {
  files: GeneratedFile[];
  /** What was generated, for the report. */
  stats: { sections: number; clauses: number; definitions: number; collations: number; comments: number; bytes: number };
  /** A defined term used often, for "references of a common term". */
  commonTerm: string;
}

// Sizes at scale 1 (DESIGN.md's "whole Code"): ~25 section files, ~15,000 clauses,
// ~2,000 definitions, ~40 collations with ~2,000 comments.
const SECTION_LETTERS = 'BCDEFGHIJKLMNOPQRSTUVWXY'.split('');
const PARTS_PER_SECTION = 10;
const CLAUSES_PER_PART = 56;
const DEFINITIONS = 2000;
const COLLATIONS = 40;
const QUESTIONS_PER_COLLATION = 4;
const RESPONDENTS_PER_QUESTION = 13;
const INLINE_DEFINITION_SHARE = 0.3;
/** Section G is drawn larger (~150 KB) so the edit benchmark has a realistic big file. */
const BIG_SECTION = 'G';

/** mulberry32: small, fast, good enough for text generation, identical on every platform. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = rng(seed);
  }
  float(): number {
    return this.next();
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  /** Skewed towards the front of the list, as word use is (a few terms are everywhere). */
  zipf<T>(items: readonly T[]): T {
    const u = this.next();
    return items[Math.min(items.length - 1, Math.floor(items.length * u * u * u))];
  }
}

// Word lists for defined terms: modifier(s) + head noun, capitalised like SEC terms.
const MODIFIERS = [
  'Smart', 'Metering', 'Supplier', 'Network', 'Security', 'User', 'Domestic', 'Non-Domestic', 'Communications', 'Data',
  'Enrolment', 'Registration', 'Assurance', 'Incident', 'Service', 'Device', 'Firmware', 'Panel', 'Code', 'Modification',
  'Transition', 'Testing', 'Release', 'Change', 'Charging', 'Credit', 'Disaster', 'Recovery', 'Privacy', 'Anomaly',
  'Certificate', 'Key', 'Organisation', 'Infrastructure', 'Interface', 'Message', 'Response', 'Alert', 'Threshold', 'Capacity',
  'Performance', 'Reporting', 'Audit', 'Independent', 'Shared', 'Resource', 'Home', 'Area', 'Gateway', 'Hub',
];
const HEADS = [
  'Party', 'Provider', 'System', 'Assessment', 'Report', 'Plan', 'Process', 'Procedure', 'Service', 'Register',
  'Agreement', 'Notice', 'Period', 'Date', 'Requirement', 'Standard', 'Document', 'Event', 'Body', 'Committee',
  'Framework', 'Specification', 'Schedule', 'Statement', 'Category', 'Role', 'Status', 'Level', 'Number', 'Record',
  'Policy', 'Function', 'Obligation', 'Arrangement', 'Facility', 'Equipment', 'Licence', 'Charge', 'Fund', 'Account',
];
const VERBS = ['provide', 'maintain', 'publish', 'notify', 'submit', 'review', 'approve', 'establish', 'report', 'retain'];
const OBJECTS = ['a copy of the relevant records', 'such information as is reasonably requested', 'a written explanation of the reasons',
  'the details of any material change', 'an updated version of that document', 'the results of that review', 'evidence of compliance'];
const CONDITIONS = ['as soon as reasonably practicable', 'without undue delay', 'in accordance with Good Industry Practice',
  'save to the extent that the Panel otherwise determines', 'subject to any direction of the Authority', 'in each calendar year'];
const FILLER = ['For the avoidance of doubt, nothing in this Section shall require any person to disclose information in breach of any law.',
  'The obligations in this Section are in addition to, and do not limit, any other obligation under this Code.',
  'Any dispute as to whether this Section applies shall be determined by the Panel, whose decision shall be final.',
  'Where any period is expressed in days, it shall be calculated excluding the day on which it begins.'];
const PART_TOPICS = ['GENERAL', 'OBLIGATIONS', 'ASSESSMENTS', 'REPORTING', 'CHARGES', 'TESTING', 'INCIDENT MANAGEMENT',
  'RELEASE MANAGEMENT', 'DATA PROTECTION', 'TRANSITIONAL ARRANGEMENTS', 'GOVERNANCE', 'ASSURANCE'];
const SUB_HEADINGS = ['General Obligations', 'Notification Requirements', 'Timing of Reports', 'Categories of Assessment', 'Review by the Panel',
  'Costs and Charges', 'Records to be Kept', 'Exceptions', 'Duties of the Provider', 'Appeals to the Authority', 'Transitional Provisions'];
const THRESHOLDS = ['250,000', '50,000', '1,000', '500', '10,000', '2,000,000'];
const PERIODS = ['five', 'ten', '20', '30', '60', '90'];
const RESPONDENT_STEMS = ['Haven Power', 'Bryt Energy', 'Smart DCC', 'Northern Powergrid', 'British Gas', 'E.ON', 'EDF Energy', 'Octopus Energy',
  'Scottish Power', 'SSE Networks', 'Cadent Gas', 'Utilita', 'Ovo Energy', 'Npower', 'N3rgy', 'Western Power', 'Electricity North West',
  'Good Energy', 'Ecotricity', 'So Energy', 'Bulb Energy', 'Shell Energy', 'UK Power Networks', 'Wales and West Utilities'];
const COMPANY_TAILS = ['Limited', 'plc', 'Retail Limited', 'Supply Limited', ''];
const CATEGORIES = ['Large Supplier', 'Small Supplier', 'Network Party', 'Other SEC Party', 'Other respondent'];
const RESPONSES = ['Approve', 'Reject', 'Neutral', 'Abstain'];
const COMMENT_SENTENCES = ['We agree that the proposed solution better facilitates the SEC objectives.',
  'We are concerned that the threshold for determining the category of assessment is not clearly defined.',
  'The legal text should make clear how premises are counted where several businesses share one supply.',
  'We would welcome guidance from the Panel on how this will be applied in practice.',
  'The change will add cost for smaller suppliers with little benefit to security.',
  'We note a typographical error in the legal text which should be corrected before implementation.',
  'This modification clarifies the obligations for all Users and should be approved.'];

const capitalised = (s: string) => s[0].toUpperCase() + s.slice(1);
const article = (word: string) => (/^[AEIOU]/i.test(word) ? 'an' : 'a');
const thirdPerson = (verb: string) => (verb.endsWith('sh') ? `${verb}es` : verb.endsWith('y') ? `${verb.slice(0, -1)}ies` : `${verb}s`);
const plural = (term: string) => (term.endsWith('y') && !term.endsWith('ey') ? term.slice(0, -1) + 'ies' : term.endsWith('s') ? term : term + 's');

/** Terms every SEC text leans on; first, so they are the most used. */
const BASE_TERMS = ['Supplier Party', 'Panel', 'Working Day', 'Domestic Premises', 'Assessment Year', 'Authority', 'Good Industry Practice'];

/** Distinct multi-word terms, drawn deterministically: two words, then three as needed. */
function makeTerms(r: Random, count: number): string[] {
  const seen = new Set<string>(BASE_TERMS);
  const terms: string[] = [...BASE_TERMS];
  for (let guard = 0; terms.length < count && guard < count * 50; guard++) {
    const words = [r.pick(MODIFIERS)];
    if (terms.length > count / 3 || r.chance(0.2)) words.push(r.pick(MODIFIERS));
    if (terms.length > count) words.push(r.pick(MODIFIERS));
    words.push(r.pick(HEADS));
    if (new Set(words).size !== words.length) continue;
    const term = words.join(' ');
    if (seen.has(term)) continue;
    seen.add(term);
    terms.push(term);
  }
  return terms;
}

interface ClauseRef {
  id: string;
  heading: string;
  part: string;
  /** How many lettered paragraphs it has, so "Section X(b)" names one that exists. */
  paragraphs: number;
}

interface Plan {
  r: Random;
  terms: string[];
  /** Terms defined inline in body text, with the clause that defines them (filled in as generated). */
  inlineTerms: Map<string, ClauseRef | undefined>;
  /** Clauses generated so far, for cross-references. */
  clauses: ClauseRef[];
  /** Pending inline definitions to place, in order. */
  pendingInline: string[];
}

function termUse(p: Plan): string {
  const t = p.r.zipf(p.terms);
  const roll = p.r.float();
  if (roll < 0.15) return plural(t);
  return t;
}

function reference(p: Plan): string {
  const r = p.r;
  if (p.clauses.length === 0 || r.chance(0.1)) {
    const s = r.pick(SECTION_LETTERS);
    const a = r.int(1, 4);
    return `Sections ${s}${a} to ${s}${a + r.int(1, 3)}`;
  }
  const target = p.clauses[Math.max(0, p.clauses.length - 1 - Math.floor(r.float() * r.float() * p.clauses.length))];
  if (target.paragraphs > 0 && r.chance(0.5)) return `Section ${target.id}(${String.fromCharCode(97 + r.int(0, target.paragraphs - 1))})`;
  // A few headings are stale, as in real drafts after a Part is retitled.
  const heading = r.chance(0.02) ? 'Previous Heading' : target.heading;
  return `Section ${target.id} (${heading})`;
}

function sentence(p: Plan): string {
  const r = p.r;
  switch (r.int(0, 5)) {
    case 0: return `Where the ${termUse(p)} ${thirdPerson(r.pick(VERBS))} ${r.pick(OBJECTS)}, the ${termUse(p)} shall ${r.pick(VERBS)} ${r.pick(OBJECTS)} in accordance with ${reference(p)}.`;
    case 1: return `Each ${termUse(p)} shall ${r.pick(VERBS)} ${r.pick(OBJECTS)} within ${r.pick(PERIODS)} Working Days of the ${termUse(p)}, ${r.pick(CONDITIONS)}.`;
    case 2: {
      const subject = termUse(p);
      return `${capitalised(article(subject))} ${subject} which supplies more than ${r.pick(THRESHOLDS)} Domestic Premises shall be subject to the ${termUse(p)} in each Assessment Year.`;
    }
    case 3: return `The ${termUse(p)} shall ${r.pick(VERBS)} ${r.pick(OBJECTS)} to the Panel ${r.pick(CONDITIONS)}.`;
    case 4: return `Subject to ${reference(p)}, the ${termUse(p)} may ${r.pick(VERBS)} ${r.pick(OBJECTS)}.`;
    default: return r.pick(FILLER);
  }
}

function clauseBody(p: Plan, ref: ClauseRef): string[] {
  const r = p.r;
  const lines: string[] = [];
  let first = sentence(p);
  // An inline definition, later pointed at from Section A.
  if (p.pendingInline.length && r.chance(0.2)) {
    const term = p.pendingInline.shift()!;
    p.inlineTerms.set(term, ref);
    first = `Each period of twelve months in which the ${termUse(p)} acts as such shall be ${article(term)} “${term}” of that ${termUse(p)}.`;
  }
  if (r.chance(0.004)) first = first.replace(' shall ', ' shall  '); // a slip for double-space to find
  if (r.chance(0.15)) {
    lines.push(`${ref.id} ${first.replace(/\.$/, '')}, and the ${termUse(p)} shall:`);
    const n = r.int(2, 4);
    ref.paragraphs = n;
    for (let i = 0; i < n; i++) {
      const end = i === n - 1 ? '.' : i === n - 2 ? '; and' : ';';
      lines.push(`(${String.fromCharCode(97 + i)}) ${r.pick(VERBS)} ${r.pick(OBJECTS)} to the ${termUse(p)}${end}`);
      if (i === 0 && r.chance(0.3)) {
        lines[lines.length - 1] = lines[lines.length - 1].replace(/(; and|;|\.)$/, ', either:');
        lines.push(`(i) within ${r.pick(PERIODS)} Working Days; or`);
        lines.push(`(ii) by such later date as the Panel may agree${end}`);
      }
    }
  } else {
    const extra = r.chance(0.1) ? 1 : 0;
    lines.push(`${ref.id} ${[first, ...Array.from({ length: extra }, () => sentence(p))].join(' ')}`);
  }
  return lines;
}

function sectionText(p: Plan, letter: string, title: string, scale: number, big: boolean): string {
  const r = p.r;
  const out: string[] = [`SECTION ${letter}: ${title}`, ''];
  const parts = PARTS_PER_SECTION * scale;
  for (let partNo = 1; partNo <= parts; partNo++) {
    const part = `${letter}${partNo}`;
    out.push(`${part} ${r.pick(PART_TOPICS)}`, '');
    let heading = capitalised(r.pick(PART_TOPICS).toLowerCase());
    const count = Math.round(CLAUSES_PER_PART * (big ? 1.2 : 1) * (0.8 + 0.4 * r.float()));
    for (let n = 1; n <= count; n++) {
      if (n === 1 || r.chance(0.2)) {
        heading = r.pick(SUB_HEADINGS);
        out.push(heading, '');
      }
      const ids = [`${part}.${n}`];
      // Lettered insertions made by earlier modifications.
      if (r.chance(0.05)) for (let k = 0, m = r.int(1, 3); k < m; k++) ids.push(`${part}.${n}${String.fromCharCode(65 + k)}`);
      for (const id of ids) {
        const ref: ClauseRef = { id, heading, part, paragraphs: 0 };
        if (r.chance(0.01)) out.push(`${id} [Not used]`);
        else out.push(...clauseBody(p, ref));
        out.push('');
        p.clauses.push(ref);
      }
    }
  }
  return out.join('\n');
}

function sectionA(p: Plan): string {
  const r = p.r;
  const out = ['SECTION A: DEFINITIONS AND INTERPRETATION', '', 'A1 DEFINITIONS', '',
    'A1.1 In this Code, except where the context otherwise requires, the expressions in the left hand column below shall have the meanings given to them in the right hand column below:'];
  const sorted = [...p.terms].sort((a, b) => a.localeCompare(b));
  for (const term of sorted) {
    const at = p.inlineTerms.get(term);
    if (at) out.push(`${term} | has the meaning given to that expression in Section ${at.id} (${at.heading}).`);
    else out.push(`${term} | means the ${r.pick(HEADS).toLowerCase()} by which the ${termUse(p)} ${thirdPerson(r.pick(VERBS))} ${r.pick(OBJECTS)} to the ${termUse(p)}.`);
  }
  out.push('', 'A2 INTERPRETATION', '', 'Interpretation', '');
  for (let n = 1; n <= 20; n++) out.push(`A2.${n} ${sentence(p)}`, '');
  return out.join('\n');
}

/** Wrap text at ~95 columns as PDF extraction does. */
function wrap(text: string, width = 95): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function collationText(p: Plan, index: number): { text: string; comments: number } {
  const r = p.r;
  const header = 'Respondent Category Response Rationale';
  const out = [' About this document', '', `This document contains the full collated responses received to the SECMP${String(100 + index).padStart(4, '0')} Modification Report`, 'Consultation.'];
  let comments = 0;
  let sinceBreak = 0;
  // Each modification changes one area of the Code: most comments name clauses near it.
  const focus = r.int(0, Math.max(0, p.clauses.length - 60));
  const pageBreak = () => {
    out.push(` ${header}`, '');
    sinceBreak = 0;
  };
  for (let q = 1; q <= QUESTIONS_PER_COLLATION; q++) {
    out.push(` Question ${q}: ${q === 1 ? 'Do you believe that the modification should be approved?' : 'Please provide any further comments you may have.'}`, '', header);
    for (let k = 0; k < RESPONDENTS_PER_QUESTION; k++) {
      const stem = RESPONDENT_STEMS[(index * 7 + k) % RESPONDENT_STEMS.length];
      const tail = r.pick(COMPANY_TAILS);
      const category = r.pick(CATEGORIES);
      const parts = [r.pick(COMMENT_SENTENCES)];
      if (r.chance(0.6)) {
        const target = r.chance(0.7) ? p.clauses[focus + r.int(0, 59)] ?? r.pick(p.clauses) : r.pick(p.clauses);
        parts.push(`In Section ${target.id} the ${termUse(p)} should refer to the ${termUse(p)}.`);
      }
      if (r.chance(0.5)) parts.push(r.pick(COMMENT_SENTENCES));
      // Wrapped cells: the tail of a company name ("Limited") and of a category ("respondent")
      // start the next line, before the comment goes on.
      const [catHead, catTail] = category === 'Other respondent' ? ['Other', 'respondent'] : [category, ''];
      const body = wrap(`${stem} ${catHead}${r.chance(0.5) ? ' |' : ''} ${RESPONSES[r.int(0, 3)]} ${parts.join(' ')}`);
      const carried = [tail, catTail].filter(Boolean).join(' ');
      if (carried && body.length > 1) body[1] = `${carried} ${body[1]}`;
      for (const line of body) {
        out.push(line);
        if (++sinceBreak > 45) pageBreak();
      }
      out.push('');
      comments++;
    }
  }
  return { text: out.join('\n'), comments };
}

export function generateWorkspace(options: GeneratorOptions = {}): GeneratedWorkspace {
  const seed = options.seed ?? 59;
  const scale = Math.max(1, Math.floor(options.scale ?? 1));
  const r = new Random(seed);
  const terms = makeTerms(r, DEFINITIONS * scale);
  // Terms defined in body text; Section A points at them.
  const inline = terms.filter(t => !BASE_TERMS.includes(t) && r.chance(INLINE_DEFINITION_SHARE));
  const p: Plan = { r, terms, inlineTerms: new Map(), clauses: [], pendingInline: inline };
  const files: GeneratedFile[] = [];
  for (const letter of SECTION_LETTERS) {
    const title = `${r.pick(PART_TOPICS)} AND ${r.pick(PART_TOPICS)}`;
    files.push({ path: `section-${letter.toLowerCase()}.sec.txt`, text: sectionText(p, letter, title, scale, letter === BIG_SECTION) });
  }
  // Inline definitions that found no clause become ordinary table rows.
  files.unshift({ path: 'section-a.sec.txt', text: sectionA(p) });
  let comments = 0;
  for (let i = 0; i < COLLATIONS * scale; i++) {
    const c = collationText(p, i);
    comments += c.comments;
    files.push({ path: `consultation/secmp${String(100 + i).padStart(4, '0')}-consultation-responses.txt`, text: c.text });
  }
  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text, 'utf8'), 0);
  return {
    files,
    commonTerm: terms[0],
    stats: { sections: SECTION_LETTERS.length + 1, clauses: p.clauses.length + 21 /* Section A: A1.1 and A2.1–A2.20 */, definitions: terms.length, collations: COLLATIONS * scale, comments, bytes },
  };
}

/** Write the workspace to a folder (emptied first) and return its stats. */
export function writeWorkspace(dir: string, ws: GeneratedWorkspace): void {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const f of ws.files) {
    const file = path.join(dir, f.path);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, f.text);
  }
}

function main(argv: string[]): void {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const scale = Number(arg('--scale') ?? 1);
  const seed = Number(arg('--seed') ?? 59);
  const out = arg('--out') ?? path.join('bench', 'out', `scale-${scale}`);
  const ws = generateWorkspace({ scale, seed });
  writeWorkspace(out, ws);
  console.log(`${out}: ${ws.files.length} files, ${(ws.stats.bytes / 1e6).toFixed(2)} MB, ${ws.stats.clauses} clauses, ${ws.stats.definitions} definitions, ${ws.stats.comments} comments`);
}

// Only as its own program: the benchmark bundles this file into bench/run.js too.
if (require.main === module && path.basename(__filename).startsWith('generate')) main(process.argv.slice(2));
