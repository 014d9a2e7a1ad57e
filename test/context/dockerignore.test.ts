// .dockerignore matching as Docker does it. Each row: the file's lines, then
// paths (relative to the context root) with whether COPY/ADD see them.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanPath, parseDockerignore, readIgnoreLines } from '../../server/src/engine/context/dockerignore';

type Row = [lines: string[], expectations: Record<string, boolean>, why: string];

const ROWS: Row[] = [
  [['.git'], { '.git': true, '.git/config': true, '.git/objects/ab/cd': true, '.github/workflows/ci.yml': false, '.gitignore': false }, 'a name excludes the directory and everything below it'],
  [['*.pyc'], { 'a.pyc': true, 'pkg/a.pyc': false, 'pkg/sub/a.pyc': false }, '`*` does not cross `/`, and patterns are anchored at the root'],
  [['**/*.pyc'], { 'a.pyc': true, 'pkg/a.pyc': true, 'pkg/sub/a.pyc': true, 'a.py': false }, '`**/` matches any number of directories, also none'],
  [['__pycache__'], { '__pycache__/m.pyc': true, 'pkg/__pycache__/m.pyc': false }, 'a bare name only matches at the root'],
  [['**/__pycache__'], { '__pycache__/m.pyc': true, 'pkg/__pycache__/m.pyc': true, 'pkg/__pycache__': true, 'pkg/pycache.py': false }, 'suffix match on a directory'],
  [['/build'], { build: true, 'build/lib/x.py': true, 'src/build': false }, 'a leading / is dropped'],
  [['./venv/'], { venv: true, 'venv/bin/python': true, 'venv2/x': false }, './ and a trailing / are cleaned away'],
  [['foo/../bar'], { bar: true, 'foo/bar': false }, 'patterns are cleaned like filepath.Clean'],
  [['docs/**'], { 'docs/a.md': true, 'docs/api/b.md': true, docs: false, 'docsx/a': false }, '`dir/**` is a prefix match on `dir/` (the directory entry itself stays)'],
  [['**'], { 'a.txt': true, 'x/y/z': true }, '`**` alone matches everything'],
  [['*'], { 'a.txt': true, '.env': true, 'x/y/z': true }, '`*` matches every top-level entry, dotfiles too, and so everything below'],
  [['a/**/b'], { 'a/b': true, 'a/x/b': true, 'a/x/y/b': true, 'a/xb': false, 'a/b/c': true }, '`**` in the middle'],
  [['**/foo'], { foo: true, 'x/foo': true, 'x/y/foo/z': true, xfoo: false }, '`**/foo` matches foo at any depth, not as a suffix of a name'],
  [['**foo'], { xfoo: true, 'a/xfoo': true }, "patternmatcher's suffix match: `**foo` matches any path ending in foo"],
  [['*.md', '!README.md'], { 'README.md': false, 'CHANGES.md': true, 'docs/x.md': false }, 'an exception re-includes'],
  [['!README.md', '*.md'], { 'README.md': true }, 'the last matching pattern wins'],
  [['node_modules', '!node_modules/keep.js'], { 'node_modules/keep.js': false, 'node_modules/other.js': true }, 'an exception can re-include a file inside an excluded directory'],
  [['*', '!src', 'src/**/*.test.py'], { 'src/app.py': false, 'src/a/b.test.py': true, 'README.md': true, 'src/b.test.py': true }, 'allow-list style'],
  [['a?.txt'], { 'ab.txt': true, 'abc.txt': false, 'a/.txt': false }, '`?` is one character but never `/`'],
  [['[a-c].txt', '[^x]y.txt'], { 'b.txt': true, 'd.txt': false, 'ay.txt': true, 'xy.txt': false }, 'character classes and negation'],
  [['\\*.txt'], { '*.txt': true, 'a.txt': false }, '`\\` escapes a wildcard'],
  [['a+b(c){d}$.txt'], { 'a+b(c){d}$.txt': true, 'aab(c){d}$.txt': false }, 'regular-expression characters are literal'],
  [['*.env'], { 'prod.env': true, '.env': true, 'config/x.env': false }, '`*` also matches the empty string, so `*.env` excludes `.env`'],
  [['.env*', '!.env.example'], { '.env': true, '.env.local': true, '.env.example': false }, 'secrets out, the example kept'],
  [['README.md'], { 'readme.md': false, 'README.md': true }, 'matching is case-sensitive'],
  [['# a comment', '  # not a comment', '', '   '], { '# not a comment': true, '# a comment': false, a: false }, 'only a # in the first column starts a comment'],
  [['venv   ', '\tbuild\t'], { 'venv/x': true, 'build/x': true }, 'white space around a pattern is trimmed'],
  [['! keep.txt', '*.txt', '!  keep.txt'], { 'keep.txt': false, 'other.txt': true }, 'white space after ! is trimmed'],
  [['\uFEFF.git', 'dist'], { '.git/x': true, 'dist/a.whl': true }, 'a byte-order mark on the first line is dropped'],
];

describe('.dockerignore matching', () => {
  for (const [lines, expectations, why] of ROWS) {
    it(`${why}: ${lines.join(' | ')}`, () => {
      const ignore = parseDockerignore(lines.join('\n'));
      const actual = Object.fromEntries(Object.keys(expectations).map((path) => [path, ignore.excludes(path)]));
      assert.deepEqual(actual, expectations);
    });
  }

  it('reads CRLF files', () => {
    const ignore = parseDockerignore('.git\r\n*.pyc\r\n!keep.pyc\r\n');
    assert.equal(ignore.excludes('.git/HEAD'), true);
    assert.equal(ignore.excludes('a.pyc'), true);
    assert.equal(ignore.excludes('keep.pyc'), false);
  });

  it('normalises the paths it is asked about', () => {
    const ignore = parseDockerignore('build\n');
    assert.equal(ignore.excludes('./build/x'), true);
    assert.equal(ignore.excludes('/build/x'), true);
    assert.equal(ignore.excludes('src/../build'), true);
  });

  it('never excludes the context root itself', () => {
    const ignore = parseDockerignore('*\n**\n.\n');
    assert.equal(ignore.excludes('.'), false);
    assert.equal(ignore.excludes('./'), false);
  });

  it('says which pattern decided', () => {
    const ignore = parseDockerignore('*.md\n!README.md\ndocs\n');
    assert.equal(ignore.match('CHANGES.md').decidedBy?.pattern, '*.md');
    assert.equal(ignore.match('README.md').decidedBy?.exception, true);
    assert.equal(ignore.match('docs/a/b.txt').decidedBy?.line, 2);
    assert.equal(ignore.match('src/app.py').decidedBy, undefined);
  });

  it('reports the patterns Docker rejects and skips them', () => {
    const ignore = parseDockerignore('[abc\n!\nok\nfoo\\\n[]a]\n[z-a]\n');
    assert.deepEqual(
      ignore.problems.map((p) => p.line),
      [0, 1, 3, 4, 5],
    );
    assert.match(ignore.problems[1].message, /illegal exclusion pattern/);
    assert.equal(ignore.excludes('ok'), true);
    // Go's filepath.Match rejects `]` as the first member of a class.
    assert.match(ignore.problems[3].message, /syntax error/);
  });

  it('keeps patterns in order with their lines', () => {
    const ignore = parseDockerignore('# header\n.git\n\n!keep\n');
    assert.deepEqual(
      ignore.patterns.map((p) => [p.line, p.exception, p.pattern]),
      [
        [1, false, '.git'],
        [3, true, 'keep'],
      ],
    );
  });

  it('tells when an exception may re-include something below a directory', () => {
    const ignore = parseDockerignore('data\n!data/seed.csv\n');
    assert.equal(ignore.mayReincludeUnder('data'), true);
    assert.equal(ignore.mayReincludeUnder('other'), false);
    assert.equal(parseDockerignore('data\n!**/keep\n').mayReincludeUnder('data'), true);
    assert.equal(parseDockerignore('data\n').mayReincludeUnder('data'), false);
    assert.equal(parseDockerignore('!README.md\n*.md\n').mayReincludeUnder('README.md'), false);
    assert.equal(parseDockerignore('*\n!src/*.py\n').mayReincludeUnder('src'), true);
  });
});

describe('ignore file reading and path cleaning', () => {
  it('cleans like Go', () => {
    assert.equal(cleanPath(''), '.');
    assert.equal(cleanPath('./a//b/./c/'), 'a/b/c');
    assert.equal(cleanPath('a/../../b'), '../b');
    assert.equal(cleanPath('/../a'), '/a');
    assert.equal(cleanPath('/'), '/');
  });

  it('returns the patterns ReadAll would', () => {
    assert.deepEqual(
      readIgnoreLines('# c\n /a/b/ \n!./c\n/\n! \n').map((l) => l.pattern),
      ['a/b', '!c', '/', '!'],
    );
  });
});
