/** walkPaths: git's ignore rules in every folder, binaries, links and unreadable paths. */
import { mkdirSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tree } from './testing';
import { walkPaths } from './walk';

const names = (root: string, files: { path: string }[]) => files.map((f) => relative(root, f.path)).sort();

describe('walkPaths', () => {
  it('applies every .gitignore on the way down, with negation and folder-only patterns', () => {
    const root = tree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': '*.log\n!keep.log\nbuild/\n',
      'a.log': 'x',
      'keep.log': 'x',
      'build/out.txt': 'x',
      'src/build': 'a file named build, not a folder\n',
      'src/.gitignore': 'secret.txt\n',
      'src/secret.txt': 'x',
      'src/app.txt': 'x',
      'other/secret.txt': 'x',
    });
    const result = walkPaths([root]);
    expect(names(root, result.files)).toEqual(
      ['.gitignore', 'keep.log', 'other/secret.txt', 'src/.gitignore', 'src/app.txt', 'src/build'].sort(),
    );
    expect(result.skippedIgnored).toBe(3);
    expect(result.problems).toEqual([]);
  });

  it('honours the .gitignore files above a sub-folder, up to the repository root only', () => {
    const outer = tree({
      '.gitignore': '*.txt\n',
      'repo/.git/HEAD': 'x',
      'repo/.gitignore': '*.log\n',
      'repo/sub/a.log': 'x',
      'repo/sub/b.txt': 'x',
    });
    const result = walkPaths([join(outer, 'repo/sub')]);
    // The outer .gitignore is not part of the repository, so b.txt is read.
    expect(names(outer, result.files)).toEqual(['repo/sub/b.txt']);
  });

  it('skips binary files and the .git folder, does not follow a link to a folder, reads a link to a file', () => {
    const root = tree({
      '.git/config': 'x',
      'img.png': Buffer.from([0x89, 0x50, 0, 1, 2]),
      'real/a.txt': 'x',
    });
    symlinkSync(join(root, 'real'), join(root, 'loop'));
    symlinkSync(join(root, 'real/a.txt'), join(root, 'link.txt'));
    const result = walkPaths([root]);
    expect(names(root, result.files)).toEqual(['link.txt', 'real/a.txt']);
    expect(result.skippedBinary).toBe(1);
  });

  it('reports a path that does not exist, and keeps walking the others', () => {
    const root = tree({ 'a.txt': 'x' });
    mkdirSync(join(root, 'empty'));
    const result = walkPaths([join(root, 'missing'), root]);
    expect(result.problems).toEqual([
      {
        path: join(root, 'missing'),
        message: `Could not read ${join(root, 'missing')}: no such file or directory.`,
      },
    ]);
    expect(names(root, result.files)).toEqual(['a.txt']);
  });
});
