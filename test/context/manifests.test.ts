// Requirement files, pyproject.toml, lock files and PEP 508 markers.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lockedInstall, lockedWheelSupport, readPipfileLock, readPoetryLock, readUvLock } from '../../server/src/engine/context/locks';
import { evaluateMarker, parseDependency, parseWheelName, sdistName, wheelFits, type WheelName } from '../../server/src/engine/context/pep508';
import { readPyproject, versionFromVcs } from '../../server/src/engine/context/pyproject';
import { includedFiles, installedNames, logicalLines, readRequirements } from '../../server/src/engine/context/requirements';

const lookup = (files: Record<string, string>) => (path: string) => files[path];

describe('requirement files', () => {
  it('reads names, versions, extras, markers and hashes', () => {
    const text = [
      '# pinned by pip-compile',
      'Django==5.1.2',
      'uvicorn[standard] >= 0.30, <1   # the server',
      'typing_extensions; python_version < "3.11"',
      'numpy==2.1.0 \\',
      '    --hash=sha256:aaa \\',
      '    --hash=sha256:bbb',
      'Flask_SQLAlchemy',
      'zope.interface~=6.0',
    ].join('\n');
    const result = readRequirements('requirements.txt', lookup({ 'requirements.txt': text }));
    assert.deepEqual(result.problems, []);
    assert.deepEqual(
      result.requirements.map((r) => [r.name, r.specifier, r.extras, r.marker, r.line]),
      [
        ['django', '==5.1.2', [], undefined, 2],
        ['uvicorn', '>=0.30,<1', ['standard'], undefined, 3],
        ['typing-extensions', '', [], 'python_version < "3.11"', 4],
        ['numpy', '==2.1.0', [], undefined, 5],
        ['flask-sqlalchemy', '', [], undefined, 8],
        ['zope-interface', '~=6.0', [], undefined, 9],
      ],
    );
    assert.deepEqual(result.requirements[3].hashes, ['sha256:aaa', 'sha256:bbb']);
  });

  it('follows -r and -c relative to the including file, once each, and marks constraints', () => {
    const files = {
      'requirements/prod.txt': '-r base.txt\n-c ../constraints.txt\ngunicorn\n',
      'requirements/base.txt': '--requirement=common.txt\nrequests\n-rprod.txt\n',
      'requirements/common.txt': 'idna\n-r base.txt\n',
      'constraints.txt': 'urllib3<2\n',
    };
    const result = readRequirements('requirements/prod.txt', lookup(files));
    assert.deepEqual(result.files, ['requirements/prod.txt', 'requirements/base.txt', 'requirements/common.txt', 'constraints.txt']);
    assert.deepEqual(installedNames(result), ['idna', 'requests', 'gunicorn']);
    assert.equal(result.requirements.find((r) => r.name === 'urllib3')?.constraint, true);
    assert.deepEqual(
      result.includes.map((i) => [i.kind, i.path, i.found]),
      [
        ['requirement', 'requirements/base.txt', true],
        ['requirement', 'requirements/common.txt', true],
        ['requirement', 'requirements/base.txt', true],
        ['requirement', 'requirements/prod.txt', true],
        ['constraint', 'constraints.txt', true],
      ],
    );
  });

  it('records includes it cannot follow', () => {
    const result = readRequirements('r.txt', lookup({ 'r.txt': '-r missing.txt\n-r https://example.org/r.txt\n-r /abs/r.txt\n-r ../../outside.txt\n' }));
    assert.deepEqual(
      result.includes.map((i) => [i.written, i.path, i.found]),
      [
        ['missing.txt', 'missing.txt', false],
        ['https://example.org/r.txt', undefined, false],
        ['/abs/r.txt', undefined, false],
        ['../../outside.txt', undefined, false],
      ],
    );
  });

  it('reads editables, URLs, wheels and local paths', () => {
    const text = [
      '-e .',
      '-e git+https://github.com/org/tool.git@v1#egg=My_Tool',
      'requests @ https://example.org/requests-2.32.0-py3-none-any.whl',
      'https://example.org/pkgs/Pillow-10.4.0-cp312-cp312-musllinux_1_2_x86_64.whl',
      './vendor/lib_a-1.0.tar.gz',
      './local/project',
      'git+https://github.com/org/other.git ; sys_platform == "linux"',
    ].join('\n');
    const result = readRequirements('r.txt', lookup({ 'r.txt': text }));
    assert.deepEqual(
      result.requirements.map((r) => [r.name, r.editable, r.location !== undefined, r.marker]),
      [
        [undefined, true, true, undefined],
        ['my-tool', true, true, undefined],
        ['requests', false, true, undefined],
        ['pillow', false, true, undefined],
        ['lib-a', false, true, undefined],
        [undefined, false, true, undefined],
        [undefined, false, true, 'sys_platform == "linux"'],
      ],
    );
  });

  it('keeps index options and reports unknown ones', () => {
    const result = readRequirements('r.txt', lookup({ 'r.txt': '--index-url https://pypi.example/simple\n--only-binary=:all:\n--no-index\n--bogus\nflask\n' }));
    assert.deepEqual(
      result.options.map((o) => [o.name, o.value]),
      [
        ['index-url', 'https://pypi.example/simple'],
        ['only-binary', ':all:'],
        ['no-index', undefined],
      ],
    );
    assert.deepEqual(
      result.problems.map((p) => [p.line, p.message]),
      [[4, 'unknown option --bogus']],
    );
  });

  it('joins continuation lines and drops comments the way pip does', () => {
    assert.deepEqual(logicalLines('a \\\n  b\n# c \\\nd#e\nf # g\n\\\n'), [
      { text: 'a   b', line: 1 },
      { text: 'd#e', line: 4 },
      { text: 'f', line: 5 },
    ]);
    assert.deepEqual(includedFiles('req/dev.txt', '-r base.txt\n-c ../c.txt\nflask\n'), ['req/base.txt', 'c.txt']);
  });

  it('reports lines it cannot read and goes on', () => {
    const result = readRequirements('r.txt', lookup({ 'r.txt': 'flask ==\nrequests\n' }));
    assert.deepEqual(installedNames(result), ['requests']);
    assert.equal(result.problems.length, 1);
  });

  it('returns nothing for a missing entry file', () => {
    const result = readRequirements('nope.txt', lookup({}));
    assert.deepEqual([result.requirements, result.files], [[], []]);
  });
});

describe('PEP 508', () => {
  it('parses specifiers', () => {
    assert.deepEqual(parseDependency('Requests[Security,socks] (>=2.8.1, ==2.8.*) ; python_version < "2.7"'), {
      name: 'requests',
      extras: ['security', 'socks'],
      specifier: '>=2.8.1,==2.8.*',
      marker: 'python_version < "2.7"',
      url: undefined,
    });
    assert.equal(parseDependency('pip @ https://github.com/pypa/pip/archive/1.3.1.zip ; python_version >= "3"')?.url, 'https://github.com/pypa/pip/archive/1.3.1.zip');
    assert.equal(parseDependency('-e .'), undefined);
    assert.equal(parseDependency('flask ^2.0'), undefined);
  });

  it('evaluates markers for a Linux container, three-valued', () => {
    assert.equal(evaluateMarker('sys_platform == "win32"'), false);
    assert.equal(evaluateMarker("platform_system != 'Windows'"), true);
    assert.equal(evaluateMarker('python_version < "3.11"'), undefined);
    assert.equal(evaluateMarker('python_version < "3.11"', { python_version: '3.12' }), false);
    assert.equal(evaluateMarker('python_version >= "3.8" and sys_platform == "darwin"'), false);
    assert.equal(evaluateMarker('sys_platform == "win32" or python_version < "3.9"'), undefined);
    assert.equal(evaluateMarker('(os_name == "nt") or (sys_platform == "linux")'), true);
    assert.equal(evaluateMarker('"linux" in sys_platform'), true);
    assert.equal(evaluateMarker('platform_machine not in "arm64 aarch64"', { platform_machine: 'x86_64' }), true);
    assert.equal(evaluateMarker('extra == "dev"'), undefined);
    assert.equal(evaluateMarker('garbage (('), undefined);
  });

  it('reads wheel and sdist file names and tells whether a wheel fits', () => {
    const musl = parseWheelName('numpy-2.1.0-cp312-cp312-musllinux_1_2_x86_64.whl');
    const many = parseWheelName('numpy-2.1.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl');
    const abi3 = parseWheelName('cryptography-43.0.0-cp39-abi3-musllinux_1_2_x86_64.whl');
    const pure = parseWheelName('https://files.example/requests-2.32.0-py3-none-any.whl#sha256=x');
    assert.ok(musl && many && abi3 && pure);
    const alpine = { libc: 'musl', arch: 'x86_64', pythonVersion: '3.12' } as const;
    assert.equal(wheelFits(musl, alpine), true);
    assert.equal(wheelFits(many, alpine), false);
    assert.equal(wheelFits(many, { ...alpine, libc: 'glibc' }), true);
    assert.equal(wheelFits(musl, { ...alpine, pythonVersion: '3.13' }), false);
    assert.equal(wheelFits(abi3, { ...alpine, pythonVersion: '3.13' }), true);
    assert.equal(wheelFits(musl, { ...alpine, arch: 'aarch64' }), false);
    assert.equal(wheelFits(pure, alpine), true);
    assert.equal(pure.name, 'requests');
    assert.equal(sdistName('psycopg2-2.9.10.tar.gz'), 'psycopg2');
    assert.equal(sdistName('zope.interface-6.0.zip'), 'zope-interface');
  });
});

describe('pyproject.toml', () => {
  it('reads PEP 621 dependencies, extras and dependency groups with includes', () => {
    const project = readPyproject(`
[project]
name = "My_App"
dependencies = ["fastapi>=0.110", "psycopg[binary]", "pywin32; sys_platform == 'win32'"]
[project.optional-dependencies]
ML = ["numpy", "scikit-learn"]
[dependency-groups]
test = ["pytest"]
dev = [{ include-group = "test" }, "ruff"]
loop = [{ include-group = "loop" }]
[build-system]
requires = ["hatchling", "hatch-vcs"]
build-backend = "hatchling.build"
`);
    assert.equal(project.name, 'my-app');
    assert.deepEqual(
      project.dependencies.map((d) => `${d.group} ${d.name}${d.extras.length ? `[${d.extras}]` : ''}`),
      ['main fastapi', 'main psycopg[binary]', 'main pywin32', 'extra:ml numpy', 'extra:ml scikit-learn', 'group:test pytest', 'group:dev pytest', 'group:dev ruff'],
    );
    assert.deepEqual(project.buildRequires, ['hatchling', 'hatch-vcs']);
    assert.deepEqual(project.tools, ['pep621', 'dependency-groups']);
    assert.match(project.problems[0], /includes itself/);
  });

  it('reads Poetry dependencies, groups and extras', () => {
    const project = readPyproject(`
[tool.poetry]
name = "svc"
[tool.poetry.dependencies]
python = "^3.12"
Django = "^5.0"
psycopg2 = { version = "^2.9", optional = true }
lxml = [{ version = "^5", markers = "sys_platform == 'linux'" }]
mylib = { git = "https://github.com/org/mylib.git" }
[tool.poetry.extras]
postgres = ["psycopg2"]
[tool.poetry.group.dev.dependencies]
pytest = "*"
[tool.poetry.dev-dependencies]
black = "^24"
`);
    assert.equal(project.name, 'svc');
    assert.deepEqual(
      project.dependencies.map((d) => [d.group, d.name, d.specifier, d.location !== undefined]),
      [
        ['main', 'django', '^5.0', false],
        ['extra:postgres', 'psycopg2', '^2.9', false],
        ['main', 'lxml', '^5', false],
        ['main', 'mylib', '', true],
        ['group:dev', 'black', '^24', false],
        ['group:dev', 'pytest', '', false],
      ],
    );
    assert.deepEqual(project.tools, ['poetry']);
  });

  it('reads uv dev-dependencies and reports invalid TOML', () => {
    assert.deepEqual(
      readPyproject('[tool.uv]\ndev-dependencies = ["mypy"]\n').dependencies.map((d) => [d.group, d.name]),
      [['group:dev', 'mypy']],
    );
    const broken = readPyproject('[project\nname = 1');
    assert.match(broken.problems[0], /not valid TOML/);
    assert.deepEqual(broken.dependencies, []);
  });

  it('knows when building the project needs .git', () => {
    const text = '[build-system]\nrequires = ["setuptools>=64", "setuptools_scm>=8"]\n';
    assert.equal(versionFromVcs(readPyproject(text), text), true);
    const plain = '[build-system]\nrequires = ["hatchling"]\n';
    assert.equal(versionFromVcs(readPyproject(plain), plain), false);
    const pdm = '[tool.pdm.version]\nsource = "scm"\n';
    assert.equal(versionFromVcs(readPyproject(pdm), pdm), true);
  });
});

const UV_LOCK = `
version = 1
requires-python = ">=3.12"

[[package]]
name = "app"
version = "0.1.0"
source = { editable = "." }
dependencies = [
    { name = "fastapi" },
    { name = "psycopg", extra = ["binary"] },
    { name = "pywin32", marker = "sys_platform == 'win32'" },
]

[package.optional-dependencies]
ml = [{ name = "numpy" }]

[package.dev-dependencies]
dev = [{ name = "pytest" }]

[[package]]
name = "fastapi"
version = "0.115.0"
source = { registry = "https://pypi.org/simple" }
dependencies = [{ name = "pydantic" }]
sdist = { url = "https://files.example/fastapi-0.115.0.tar.gz", hash = "sha256:a", size = 1 }
wheels = [{ url = "https://files.example/fastapi-0.115.0-py3-none-any.whl", hash = "sha256:b", size = 2 }]

[[package]]
name = "pydantic"
version = "2.9.0"
source = { registry = "https://pypi.org/simple" }
wheels = [{ url = "https://files.example/pydantic-2.9.0-py3-none-any.whl", hash = "sha256:c", size = 3 }]

[[package]]
name = "psycopg"
version = "3.2.3"
source = { registry = "https://pypi.org/simple" }
wheels = [{ url = "https://files.example/psycopg-3.2.3-py3-none-any.whl", hash = "sha256:d", size = 4 }]

[package.optional-dependencies]
binary = [{ name = "psycopg-binary" }]

[[package]]
name = "psycopg-binary"
version = "3.2.3"
source = { registry = "https://pypi.org/simple" }
wheels = [
    { url = "https://files.example/psycopg_binary-3.2.3-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", hash = "sha256:e", size = 5 },
    { url = "https://files.example/psycopg_binary-3.2.3-cp312-cp312-musllinux_1_2_x86_64.whl", hash = "sha256:f", size = 6 },
]

[[package]]
name = "numpy"
version = "2.1.0"
source = { registry = "https://pypi.org/simple" }
sdist = { url = "https://files.example/numpy-2.1.0.tar.gz", hash = "sha256:g", size = 7 }
wheels = [{ url = "https://files.example/numpy-2.1.0-cp312-cp312-manylinux_2_17_x86_64.whl", hash = "sha256:h", size = 8 }]

[[package]]
name = "pytest"
version = "8.3.0"
source = { registry = "https://pypi.org/simple" }
wheels = [{ url = "https://files.example/pytest-8.3.0-py3-none-any.whl", hash = "sha256:i", size = 9 }]

[[package]]
name = "pywin32"
version = "306"
source = { registry = "https://pypi.org/simple" }
wheels = [{ url = "https://files.example/pywin32-306-cp312-cp312-win_amd64.whl", hash = "sha256:j", size = 10 }]
`;

describe('lock files', () => {
  it('reads uv.lock packages, files and the project', () => {
    const lock = readUvLock(UV_LOCK);
    assert.deepEqual(lock.problems, []);
    assert.deepEqual(lock.projects, ['app']);
    assert.equal(lock.packages.length, 8);
    const numpy = lock.packages.find((p) => p.name === 'numpy');
    assert.deepEqual([numpy?.version, numpy?.sdist, numpy?.wheels], ['2.1.0', true, ['numpy-2.1.0-cp312-cp312-manylinux_2_17_x86_64.whl']]);
  });

  it('walks the graph for a main install, with extras and groups on request', () => {
    const lock = readUvLock(UV_LOCK);
    const names = (selection = {}) => lockedInstall(lock, selection).map((p) => p.name).sort();
    assert.deepEqual(names(), ['fastapi', 'psycopg', 'psycopg-binary', 'pydantic']);
    assert.deepEqual(names({ extras: ['ml'], groups: ['dev'] }), ['fastapi', 'numpy', 'psycopg', 'psycopg-binary', 'pydantic', 'pytest']);
  });

  it('tells from the listed files whether a locked release fits musl', () => {
    const lock = readUvLock(UV_LOCK);
    const target = { libc: 'musl', arch: 'x86_64', pythonVersion: '3.12' } as const;
    const fits = (wheel: WheelName) => wheelFits(wheel, target);
    const support = (name: string) => lockedWheelSupport(lock.packages.find((p) => p.name === name)!, fits);
    assert.deepEqual(support('numpy'), { fits: false, pure: false });
    assert.deepEqual(support('psycopg-binary'), { fits: true, pure: false });
    assert.deepEqual(support('fastapi'), { fits: true, pure: true });
  });

  it('reads poetry.lock with groups, files and the 1.x metadata layout', () => {
    const modern = readPoetryLock(`
[[package]]
name = "Django"
version = "5.1"
groups = ["main"]
files = [
    {file = "django-5.1-py3-none-any.whl", hash = "sha256:a"},
    {file = "django-5.1.tar.gz", hash = "sha256:b"},
]
[package.dependencies]
asgiref = ">=3.8.1,<4"

[[package]]
name = "pytest"
version = "8.0"
groups = ["dev"]
files = []
`);
    assert.deepEqual(
      modern.packages.map((p) => [p.name, p.inGroups, p.sdist, p.wheels]),
      [
        ['django', ['main'], true, ['django-5.1-py3-none-any.whl']],
        ['pytest', ['dev'], false, []],
      ],
    );
    assert.deepEqual(lockedInstall(modern).map((p) => p.name), ['django']);
    assert.deepEqual(lockedInstall(modern, {}, ['Django']).map((p) => p.name), ['django']);

    const legacy = readPoetryLock(`
[[package]]
name = "lxml"
version = "5.0"
category = "main"
[metadata.files]
lxml = [{file = "lxml-5.0-cp312-cp312-manylinux_2_28_x86_64.whl", hash = "sha256:c"}]
`);
    assert.deepEqual(legacy.packages[0].inGroups, ['main']);
    assert.deepEqual(legacy.packages[0].wheels, ['lxml-5.0-cp312-cp312-manylinux_2_28_x86_64.whl']);
  });

  it('reads Pipfile.lock sections', () => {
    const lock = readPipfileLock(
      JSON.stringify({
        _meta: { hash: {} },
        default: { requests: { version: '==2.32.0', hashes: [] }, 'PyYAML': { version: '==6.0.2' }, pywin32: { version: '==306', markers: "sys_platform == 'win32'" } },
        develop: { pytest: { version: '==8.0.0' } },
      }),
    );
    assert.deepEqual(
      lock.packages.map((p) => [p.name, p.version, p.inGroups]),
      [
        ['requests', '2.32.0', ['main']],
        ['pyyaml', '6.0.2', ['main']],
        ['pywin32', '306', ['main']],
        ['pytest', '8.0.0', ['dev']],
      ],
    );
    assert.deepEqual(lockedInstall(lock).map((p) => p.name), ['requests', 'pyyaml']);
    assert.deepEqual(lockedInstall(lock, { groups: ['dev'] }).map((p) => p.name), ['requests', 'pyyaml', 'pytest']);
    assert.match(readPipfileLock('{').problems[0], /not valid JSON/);
  });
});
