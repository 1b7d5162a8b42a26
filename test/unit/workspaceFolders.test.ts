// Which files a workspace folder holds (server/src/lsp/workspaceFolders.ts inFolder): what a
// removed folder takes with it, and which changed files the server reads back.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { inFolder } from '../../server/src/lsp/workspaceFolders';

const root = path.resolve('/ws/legal');

test('a file is inside its folder, at any depth, and the folder is inside itself', () => {
  assert.equal(inFolder(path.join(root, 'g8.sec.txt'), root), true);
  assert.equal(inFolder(path.join(root, 'drafts', 'old', 'g8.sec.txt'), root), true);
  assert.equal(inFolder(root, root), true);
});

test('a folder whose name starts with the same letters, or with "..", is told apart', () => {
  assert.equal(inFolder(path.resolve('/ws/legal-old/g8.sec.txt'), root), false, 'a sibling with a longer name');
  assert.equal(inFolder(path.resolve('/ws/g8.sec.txt'), root), false, 'the parent');
  assert.equal(inFolder(path.join(root, '..drafts', 'g8.sec.txt'), root), true, 'a folder named "..drafts" inside');
});
