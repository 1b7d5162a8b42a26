// What the extension contributes for a first-time drafter (issue 18): a walkthrough whose every
// step has its page, welcome content in the empty SEC Consultation view, an icon, and a
// Marketplace README that opens with what a drafter does (the repository README still opens
// with the two commands of the project's standards).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const commands = new Set<string>(pkg.contributes.commands.map((c: { command: string }) => c.command));

/** command:ids named in markdown links, e.g. [Record…](command:secDrafting.recordResponse). */
const linkedCommands = (markdown: string) => [...markdown.matchAll(/\(command:([\w.]+)/g)].map(m => m[1]);
const ownCommand = (id: string) => id.startsWith('secDrafting.') && !id.endsWith('.focus');

test('the walkthrough goes from a folder of legal text to the pre-publication check, each step with its page', () => {
  const [walkthrough] = pkg.contributes.walkthroughs;
  assert.deepEqual(walkthrough.steps.map((s: { id: string }) => s.id), ['openFolder', 'addCollation', 'hoverClause', 'recordResponse', 'runCheck']);
  for (const step of walkthrough.steps) {
    assert.ok(fs.existsSync(path.join(root, step.media.markdown)), `${step.id}: ${step.media.markdown}`);
    assert.ok(step.completionEvents.length > 0, step.id);
    for (const id of linkedCommands(step.description).filter(ownCommand)) assert.ok(commands.has(id), `${step.id} links ${id}`);
  }
  assert.ok(pkg.files.includes('media/walkthrough/'), 'the pages are packaged');
});

test('the empty SEC Consultation view says what to do and links the walkthrough', () => {
  const welcome = pkg.contributes.viewsWelcome.find((w: { view: string }) => w.view === 'secDrafting.consultation');
  assert.ok(welcome);
  assert.match(welcome.contents, /collated consultation responses/);
  for (const id of linkedCommands(welcome.contents).filter(ownCommand)) assert.ok(commands.has(id), id);
  assert.match(welcome.contents, /openWalkthrough\?%22sec-drafting\.sec-drafting%23secDrafting\.start%22/);
  assert.equal(`${pkg.publisher}.${pkg.name}`, 'sec-drafting.sec-drafting');
});

test('the icon is a 128×128 PNG that is packaged', () => {
  const png = fs.readFileSync(path.join(root, pkg.icon));
  assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
  assert.equal(png.readUInt32BE(16), 128);
  assert.equal(png.readUInt32BE(20), 128);
  assert.ok(pkg.files.includes(pkg.icon));
});

test('the Marketplace README opens with what a drafter does; the repository README with the two commands', () => {
  assert.match(pkg.scripts.package, /--readme-path README\.marketplace\.md/);
  const marketplace = fs.readFileSync(path.join(root, 'README.marketplace.md'), 'utf8');
  const opening = marketplace.split('\n## ')[0];
  assert.match(opening, /draft and review/);
  assert.doesNotMatch(opening, /npm (ci|install|test)/);
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  assert.match(readme, /^# SEC Drafting\n\n```sh\nnpm ci && npm run demo/);
});

test('the language status commands are contributed', () => {
  for (const id of ['secDrafting.prePublicationCheck', 'secDrafting.openResponsesFile']) assert.ok(commands.has(id), id);
});

test('the consultation view toggles "unanswered only" and "changed clauses only" from its title bar and the command palette', () => {
  const toggles = ['secDrafting.showUnansweredComments', 'secDrafting.showAllComments', 'secDrafting.showCommentsOnChangedClauses', 'secDrafting.showCommentsOnAllClauses'];
  for (const id of toggles) {
    assert.ok(commands.has(id), id);
    const title = pkg.contributes.menus['view/title'].find((m: { command: string }) => m.command === id);
    assert.match(title?.when ?? '', /view == secDrafting\.consultation && /, id);
    const palette = pkg.contributes.menus.commandPalette.find((m: { command: string }) => m.command === id);
    assert.ok(palette && palette.when !== 'false', `${id} stays in the command palette`);
  }
  const when = (id: string) => pkg.contributes.menus['view/title'].find((m: { command: string }) => m.command === id).when;
  assert.match(when('secDrafting.showCommentsOnChangedClauses'), /secDrafting\.hasBaseline/);
  assert.match(when('secDrafting.showAllComments'), /secDrafting\.commentsUnansweredOnly/);
});
