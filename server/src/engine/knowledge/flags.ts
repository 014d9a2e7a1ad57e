// What package-manager options, subcommands and Dockerfile instruction flags
// do, and why each matters inside an image. The hover reads these; rules do not.
//
// Sources (read 2026-11): apt-get(8) and apt.conf(5) for trixie on manpages.debian.org;
// apk(8) and apk-add(8) from apk-tools 2.14 and the Alpine wiki's "Alpine Package
// Keeper" page; pip's CLI reference (pip 25); uv's CLI reference and Docker guide
// (uv 0.9); Poetry's CLI reference (Poetry 2.2); the Dockerfile reference
// (docs.docker.com, dockerfile frontend 1.19). Each entry links to its page.

import type { PackageManager } from '../model/types';

export interface OptionDoc {
  /** Every spelling, long and short: `--yes`, `-y`, `--assume-yes`. */
  names: string[];
  /** Subcommands it belongs to; any when absent. */
  subcommands?: string[];
  /** What it does, one or two sentences. */
  what: string;
  /** Why it matters in an image: size, cache, security, reproducibility. */
  why: string;
  link: string;
}

export interface SubcommandDoc {
  name: string;
  what: string;
  why: string;
  link: string;
}

const APT_GET = 'https://manpages.debian.org/trixie/apt/apt-get.8.en.html';
const APK = 'https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper';
const PIP_INSTALL = 'https://pip.pypa.io/en/stable/cli/pip_install/';
const PIP_GENERAL = 'https://pip.pypa.io/en/stable/cli/pip/#general-options';
const UV_SYNC = 'https://docs.astral.sh/uv/reference/cli/#uv-sync';
const UV_PIP_INSTALL = 'https://docs.astral.sh/uv/reference/cli/#uv-pip-install';
const UV_DOCKER = 'https://docs.astral.sh/uv/guides/integration/docker/';
const POETRY_INSTALL = 'https://python-poetry.org/docs/cli/#install';
const POETRY_EXPORT = 'https://github.com/python-poetry/poetry-plugin-export#usage';

export const OPTION_DOCS: Record<PackageManager, OptionDoc[]> = {
  apt: [
    {
      names: ['-y', '--yes', '--assume-yes'],
      what: 'Answers yes to every prompt.',
      why: 'A build has no terminal: without it `apt-get install` stops at "Do you want to continue?" and the RUN fails.',
      link: APT_GET,
    },
    {
      names: ['--no-install-recommends'],
      what: 'Installs only the packages listed and their hard dependencies (`Depends`), not the ones they merely recommend.',
      why:
        'Recommends are on by default and often pull in documentation, fonts or whole toolchains a container never uses: `gcc` brings ' +
        '≈75 MB more with them on bookworm (≈30 MB on trixie), `cmake` ≈250 MB, `imagemagick` ≈100 MB. Add the few you need by name.',
      link: APT_GET,
    },
    {
      names: ['--no-install-suggests'],
      what: 'Does not install suggested packages.',
      why: 'apt never installs `Suggests` unless told to, so in a default image this flag changes nothing; `--no-install-recommends` is the one that saves space.',
      link: APT_GET,
    },
    {
      names: ['-q', '-qq', '--quiet'],
      what: 'Quieter output; `-qq` prints errors only.',
      why: 'Shorter build logs. Does not change what is installed.',
      link: APT_GET,
    },
    {
      names: ['--purge'],
      subcommands: ['remove', 'autoremove'],
      what: 'Removes configuration files along with the packages.',
      why: 'Only saves space when it runs in the same RUN that installed the packages: a later layer only hides the files.',
      link: APT_GET,
    },
    {
      names: ['--auto-remove', '--autoremove'],
      what: 'Also removes dependencies that were installed automatically and are no longer needed.',
      why: 'Pair it with `purge` of build tools in the same RUN, or the compilers\' dependencies stay behind.',
      link: APT_GET,
    },
    {
      names: ['-f', '--fix-broken'],
      what: 'Tries to repair broken dependencies.',
      why: 'Usually a sign that a `.deb` was installed by hand with `dpkg -i`; `apt-get install ./file.deb` resolves its dependencies directly.',
      link: APT_GET,
    },
    {
      names: ['--allow-unauthenticated', '--force-yes', '--allow-downgrades', '--allow-remove-essential', '--allow-change-held-packages'],
      what: 'Overrides apt\'s safety checks (signature verification, downgrades, essential packages).',
      why: 'Unsigned packages can be swapped in transit; a production image should never need these. `--force-yes` is deprecated.',
      link: APT_GET,
    },
    {
      names: ['-t', '--target-release', '--default-release'],
      what: 'Prefers packages from the named release (e.g. `bookworm-backports`).',
      why: 'Mixing releases in one image is fine for a single package; pin it so the next build gets the same one.',
      link: APT_GET,
    },
    {
      names: ['-o', '--option'],
      what: 'Sets an apt configuration option for this call (`-o Dpkg::Options::=--force-confold`).',
      why: 'Keep options in the command so the layer\'s behaviour is visible in the Dockerfile.',
      link: 'https://manpages.debian.org/trixie/apt/apt.conf.5.en.html',
    },
    {
      names: ['--reinstall'],
      what: 'Reinstalls packages that are already installed.',
      why: 'Adds a second copy of the files to a new layer; rarely needed in an image.',
      link: APT_GET,
    },
  ],
  apk: [
    {
      names: ['--no-cache'],
      what: 'Fetches the package index into memory for this call and keeps no cache in `/var/cache/apk`.',
      why: 'The equivalent of `apk update && apk add … && rm -rf /var/cache/apk/*` in one flag: no index is left in the layer.',
      link: APK,
    },
    {
      names: ['-t', '--virtual'],
      subcommands: ['add'],
      what: 'Records the packages under a virtual package name, so `apk del <name>` removes them all at once.',
      why: 'The Alpine way to drop build tools: `apk add --virtual .build-deps gcc musl-dev && pip install … && apk del .build-deps` in ONE RUN. Deleting in a later RUN saves nothing.',
      link: APK,
    },
    {
      names: ['-U', '--update-cache'],
      what: 'Updates the package index before installing.',
      why: 'Leaves the index in `/var/cache/apk` unless `--no-cache` is also given; `--no-cache` alone already reads a fresh index.',
      link: APK,
    },
    {
      names: ['-u', '--upgrade'],
      what: 'Upgrades packages that are already installed, as well as adding new ones.',
      why: 'Upgrading the base inside the image hides which base you really run; prefer a newer base tag and a rebuild.',
      link: APK,
    },
    {
      names: ['-X', '--repository'],
      what: 'Uses an extra repository for this call.',
      why: 'Pin the repository URL to a release (e.g. `v3.24/community`), not `edge`, or builds drift.',
      link: APK,
    },
    {
      names: ['--allow-untrusted'],
      what: 'Installs packages whose signature cannot be verified.',
      why: 'Lets a tampered package in unnoticed; never needed for Alpine\'s own repositories.',
      link: APK,
    },
    {
      names: ['--no-network'],
      what: 'Does not touch the network; uses only what is already cached or installed.',
      why: 'Handy to remove a virtual group offline (`apk del --no-network .build-deps`), as the official Python images do.',
      link: APK,
    },
  ],
  pip: [
    {
      names: ['--no-cache-dir'],
      what: 'Turns off pip\'s download and wheel cache for this call.',
      why: 'Without it the wheels pip downloaded stay in `/root/.cache/pip` inside the layer: often as big as the packages themselves. `PIP_NO_CACHE_DIR=1` does the same for every call; a BuildKit cache mount keeps the cache between builds instead.',
      link: PIP_GENERAL,
    },
    {
      names: ['--user'],
      subcommands: ['install'],
      what: 'Installs into the user\'s site directory (`~/.local`, `/root/.local` for root) instead of the interpreter\'s.',
      why: 'A multi-stage pattern copies `/root/.local` to the runtime stage; it must then be on `PATH` and readable by the runtime user. Inside a virtual environment `--user` is an error. A venv is the simpler thing to copy.',
      link: PIP_INSTALL,
    },
    {
      names: ['--break-system-packages'],
      subcommands: ['install', 'uninstall'],
      what: 'Overrides the PEP 668 "externally managed" guard that Debian, Ubuntu and Alpine put on their own `python3`.',
      why: 'The official `python` images build Python in `/usr/local`, which is not externally managed, so the flag is not needed there. On a distro `python3` it lets pip overwrite files apt owns; a virtual environment (`python3 -m venv /opt/venv`) is the clean fix.',
      link: 'https://peps.python.org/pep-0668/',
    },
    {
      names: ['-r', '--requirement'],
      subcommands: ['install', 'download', 'wheel'],
      what: 'Installs every requirement listed in the file.',
      why: 'COPY the requirement file on its own before the install, and the dependency layer stays cached until the file changes.',
      link: PIP_INSTALL,
    },
    {
      names: ['-c', '--constraint'],
      what: 'Limits versions without asking for the packages.',
      why: 'A constraints file pins transitive dependencies, so two builds of the same Dockerfile install the same versions.',
      link: PIP_INSTALL,
    },
    {
      names: ['--require-hashes'],
      subcommands: ['install'],
      what: 'Refuses any distribution whose hash is not listed in the requirement file (turned on by any `--hash`).',
      why: 'Protects the build from a tampered or replaced release; generate the hashes with `pip-compile --generate-hashes` or `uv pip compile --generate-hashes`.',
      link: 'https://pip.pypa.io/en/stable/topics/secure-installs/',
    },
    {
      names: ['--no-deps'],
      subcommands: ['install'],
      what: 'Installs the named packages without their dependencies.',
      why: 'Safe only from a complete lock (every dependency listed); otherwise imports fail at run time, not at build time.',
      link: PIP_INSTALL,
    },
    {
      names: ['-U', '--upgrade'],
      subcommands: ['install'],
      what: 'Upgrades the named packages to the newest allowed version.',
      why: '`pip install --upgrade pip` in every build makes the image depend on the day it was built; pin pip if you need a newer one.',
      link: PIP_INSTALL,
    },
    {
      names: ['--prefix'],
      subcommands: ['install'],
      what: 'Installs under another prefix (`--prefix=/install` puts packages in `/install/lib/python3.X/site-packages`).',
      why: 'A multi-stage variant: `COPY --from=builder /install /usr/local`. Console scripts and `site-packages` land in the right places only if the Python versions match.',
      link: PIP_INSTALL,
    },
    {
      names: ['-t', '--target'],
      subcommands: ['install'],
      what: 'Installs packages into a plain directory.',
      why: 'The directory must be put on `PYTHONPATH` and console scripts are not on `PATH`; a virtual environment avoids both problems.',
      link: PIP_INSTALL,
    },
    {
      names: ['--no-compile'],
      subcommands: ['install'],
      what: 'Does not write `.pyc` files for the installed packages.',
      why: 'Saves a few MB per large package, but every container then compiles on first import (slower start, and a read-only filesystem cannot keep them).',
      link: PIP_INSTALL,
    },
    {
      names: ['--only-binary'],
      what: 'Accepts only wheels for the named packages (`:all:` for every package).',
      why: 'Makes a missing wheel fail fast instead of compiling from source: on Alpine, the difference between an error in seconds and a 20-minute build.',
      link: PIP_INSTALL,
    },
    {
      names: ['--no-binary'],
      what: 'Refuses wheels and builds the named packages from source.',
      why: 'Needs compilers and headers in the stage and makes the build much slower; keep it to the builder stage.',
      link: PIP_INSTALL,
    },
    {
      names: ['-i', '--index-url'],
      what: 'Replaces PyPI with another package index.',
      why: 'Common for CPU-only PyTorch (`https://download.pytorch.org/whl/cpu`), which is gigabytes smaller than the default CUDA build. Credentials in the URL end up in the image history: use a secret mount.',
      link: PIP_INSTALL,
    },
    {
      names: ['--extra-index-url'],
      what: 'Adds another index next to PyPI; pip takes the best version from either.',
      why: 'For private packages this invites dependency confusion (a public package with the same name and a higher version wins). Prefer `--index-url` with a proxy that serves both.',
      link: PIP_INSTALL,
    },
    {
      names: ['--trusted-host'],
      what: 'Skips TLS certificate checks for the host.',
      why: 'Lets anyone on the network path replace packages; fix the certificate (or install the CA) instead.',
      link: PIP_GENERAL,
    },
    {
      names: ['--disable-pip-version-check'],
      what: 'Skips the check for a newer pip.',
      why: 'One network call fewer per pip call; `PIP_DISABLE_PIP_VERSION_CHECK=1` sets it for the whole image.',
      link: PIP_GENERAL,
    },
    {
      names: ['--root-user-action'],
      what: '`--root-user-action=ignore` silences the warning about running pip as root.',
      why: 'Running pip as root is normal in a build; the warning is about desktop systems. A venv makes it moot.',
      link: PIP_INSTALL,
    },
    {
      names: ['--no-build-isolation'],
      subcommands: ['install', 'wheel'],
      what: 'Builds source distributions with the packages already installed instead of a fresh build environment.',
      why: 'Needed for some packages that build against numpy or torch; the build requirements must then be installed first, by hand.',
      link: PIP_INSTALL,
    },
    {
      names: ['-e', '--editable'],
      subcommands: ['install'],
      what: 'Installs a project in development mode, pointing at its source directory.',
      why: 'The image then needs the source at the same path at run time; for production install the project normally (`pip install .`).',
      link: PIP_INSTALL,
    },
    {
      names: ['-q', '--quiet'],
      what: 'Less output.',
      why: 'Shorter build logs; nothing else changes.',
      link: PIP_GENERAL,
    },
    {
      names: ['--progress-bar'],
      what: '`--progress-bar off` hides the download progress bar.',
      why: 'Build logs are not terminals: the bar only adds noise.',
      link: PIP_INSTALL,
    },
  ],
  uv: [
    {
      names: ['--frozen'],
      subcommands: ['sync', 'run', 'export'],
      what: 'Installs exactly what `uv.lock` says, without checking that it still matches `pyproject.toml`.',
      why: 'Reproducible builds from the lock, and the install can run before the sources are copied. `--locked` is stricter: it fails when the lock is out of date.',
      link: UV_SYNC,
    },
    {
      names: ['--locked'],
      subcommands: ['sync', 'run', 'export', 'lock'],
      what: 'Fails if `uv.lock` does not match `pyproject.toml`.',
      why: 'Catches a forgotten `uv lock` in CI instead of silently resolving new versions in the image.',
      link: UV_SYNC,
    },
    {
      names: ['--no-dev'],
      subcommands: ['sync', 'run', 'export'],
      what: 'Leaves out the `dev` dependency group.',
      why: 'Test runners, linters and type checkers do not belong in a runtime image: they add size and attack surface.',
      link: UV_SYNC,
    },
    {
      names: ['--no-install-project'],
      subcommands: ['sync'],
      what: 'Installs the dependencies but not the project itself.',
      why: 'Run it after copying only `pyproject.toml` and `uv.lock`: the dependency layer stays cached while the code changes, then a second `uv sync` adds the project.',
      link: UV_DOCKER,
    },
    {
      names: ['--no-editable'],
      subcommands: ['sync'],
      what: 'Installs the project as a regular package instead of a link to its source.',
      why: 'The virtual environment then works on its own, so a runtime stage can copy `.venv` without the source tree.',
      link: UV_DOCKER,
    },
    {
      names: ['--compile-bytecode'],
      what: 'Compiles `.pyc` files at install time (`UV_COMPILE_BYTECODE=1`).',
      why: 'uv skips bytecode by default; compiling in the build makes container start-up faster at the cost of a slightly larger layer.',
      link: UV_DOCKER,
    },
    {
      names: ['--link-mode'],
      what: 'How uv places files from its cache: `hardlink` (default), `copy`, `symlink` or `clone`.',
      why: 'With a cache mount the cache is on another filesystem, so hardlinks fail and uv warns; `--link-mode=copy` (`UV_LINK_MODE=copy`) is the setting for Docker.',
      link: UV_DOCKER,
    },
    {
      names: ['--no-cache', '-n'],
      what: 'Does not read or write uv\'s cache.',
      why: 'Keeps `/root/.cache/uv` out of the layer; with a cache mount you want the cache instead, outside the layer.',
      link: 'https://docs.astral.sh/uv/concepts/cache/',
    },
    {
      names: ['--system'],
      subcommands: ['install', 'sync', 'uninstall', 'compile', 'freeze', 'list'],
      what: 'Installs into the system interpreter instead of a virtual environment.',
      why: 'Fine in an official `python` image; a virtual environment is easier to copy to a runtime stage.',
      link: UV_PIP_INSTALL,
    },
    {
      names: ['--no-default-groups'],
      subcommands: ['sync', 'run'],
      what: 'Leaves out every default dependency group (`dev` unless configured otherwise).',
      why: 'Like `--no-dev`, for projects that configure other default groups.',
      link: UV_SYNC,
    },
    {
      names: ['--only-group', '--group', '--extra', '--all-extras'],
      what: 'Chooses which dependency groups and optional extras to install.',
      why: 'Install only what the service needs at run time.',
      link: UV_SYNC,
    },
    {
      names: ['-p', '--python'],
      what: 'The interpreter uv should use or download.',
      why: 'In a `python` image point it at the image\'s Python; set `UV_PYTHON_DOWNLOADS=0` so uv never downloads a second one.',
      link: UV_DOCKER,
    },
    {
      names: ['-r', '--requirement'],
      subcommands: ['install'],
      what: 'Installs every requirement listed in the file.',
      why: 'COPY the file on its own before the install so the layer stays cached until it changes.',
      link: UV_PIP_INSTALL,
    },
  ],
  poetry: [
    {
      names: ['--only'],
      subcommands: ['install', 'export', 'sync'],
      what: 'Installs only the named dependency groups (`--only main`).',
      why: 'The runtime image gets the application\'s dependencies and nothing from dev or test groups.',
      link: POETRY_INSTALL,
    },
    {
      names: ['--without'],
      subcommands: ['install', 'export', 'sync'],
      what: 'Leaves out the named dependency groups (`--without dev,test`).',
      why: 'Keeps test runners and linters out of the runtime image.',
      link: POETRY_INSTALL,
    },
    {
      names: ['--no-dev'],
      subcommands: ['install', 'export'],
      what: 'The old way to skip dev dependencies; removed in Poetry 2.0.',
      why: 'Poetry 2 rejects it and the build fails: use `--only main` or `--without dev`.',
      link: POETRY_INSTALL,
    },
    {
      names: ['--no-root'],
      subcommands: ['install', 'sync'],
      what: 'Installs the dependencies but not the project itself.',
      why: 'Lets the dependency layer be built from `pyproject.toml` and `poetry.lock` alone, before the sources are copied.',
      link: POETRY_INSTALL,
    },
    {
      names: ['--sync'],
      subcommands: ['install'],
      what: 'Removes packages that the lock does not list (Poetry 2 moved this to `poetry sync`).',
      why: 'Useful when reusing an environment; a fresh build stage has nothing extra to remove.',
      link: POETRY_INSTALL,
    },
    {
      names: ['-n', '--no-interaction'],
      what: 'Never asks a question.',
      why: 'A build has no terminal; a prompt would hang or fail the RUN.',
      link: 'https://python-poetry.org/docs/cli/#global-options',
    },
    {
      names: ['--no-ansi'],
      what: 'Plain output without colour codes.',
      why: 'Readable build logs.',
      link: 'https://python-poetry.org/docs/cli/#global-options',
    },
    {
      names: ['--compile'],
      subcommands: ['install', 'sync'],
      what: 'Compiles `.pyc` files while installing.',
      why: 'Faster container start-up; the files are written once, in the build.',
      link: POETRY_INSTALL,
    },
    {
      names: ['-f', '--format', '--without-hashes', '-o', '--output'],
      subcommands: ['export'],
      what: 'Export options: the format (`requirements.txt`), where to write it, and whether to include hashes.',
      why: 'Exporting in a builder stage lets the runtime stage install with plain pip, without Poetry. Keep the hashes so pip verifies every download.',
      link: POETRY_EXPORT,
    },
    {
      names: ['-E', '--extras', '--all-extras'],
      subcommands: ['install', 'export', 'sync'],
      what: 'Installs the named optional extras.',
      why: 'Install only the extras the service uses.',
      link: POETRY_INSTALL,
    },
  ],
};

export const SUBCOMMAND_DOCS: Record<PackageManager, SubcommandDoc[]> = {
  apt: [
    {
      name: 'update',
      what: 'Downloads the package index (`/var/lib/apt/lists`, ≈20 MB for Debian main).',
      why: 'Run it in the SAME RUN as `install` and delete the lists at the end: on its own, its layer is cached and later installs use a stale index; left in place, the lists ship in the image.',
      link: APT_GET,
    },
    {
      name: 'install',
      what: 'Installs packages and their dependencies.',
      why: 'In an image: `apt-get update && apt-get install -y --no-install-recommends … && rm -rf /var/lib/apt/lists/*`, one RUN, and compilers only in a builder stage.',
      link: APT_GET,
    },
    {
      name: 'upgrade',
      what: 'Upgrades every installed package.',
      why: 'Hides which base you really run and makes builds drift; use a newer base tag (rebuilt regularly) instead.',
      link: APT_GET,
    },
    {
      name: 'dist-upgrade',
      what: 'Upgrades every package, adding or removing dependencies as needed.',
      why: 'Can change the distribution under the base image; rebuild on a newer base instead.',
      link: APT_GET,
    },
    {
      name: 'full-upgrade',
      what: 'apt\'s name for `dist-upgrade`.',
      why: 'Same advice: use a newer base image.',
      link: 'https://manpages.debian.org/trixie/apt/apt.8.en.html',
    },
    {
      name: 'purge',
      what: 'Removes packages and their configuration files.',
      why: 'Saves space only inside the RUN that installed them; in a later RUN the files stay in the earlier layer.',
      link: APT_GET,
    },
    {
      name: 'remove',
      what: 'Removes packages, keeping their configuration files.',
      why: 'Same as purge: only useful in the RUN that installed them.',
      link: APT_GET,
    },
    {
      name: 'autoremove',
      what: 'Removes automatically installed dependencies that nothing needs any more.',
      why: 'Follow a purge of build tools with it, in the same RUN.',
      link: APT_GET,
    },
    {
      name: 'clean',
      what: 'Deletes downloaded `.deb` files from `/var/cache/apt/archives`.',
      why: 'Debian\'s container images already do this after every install (`docker-clean`); the lists in `/var/lib/apt/lists` are what needs removing.',
      link: APT_GET,
    },
    {
      name: 'dist-clean',
      what: 'Deletes the downloaded packages AND the package lists (apt 2.7 and later: trixie, not bookworm).',
      why: 'A one-word replacement for `rm -rf /var/lib/apt/lists/*` at the end of an install RUN; the official images use it.',
      link: APT_GET,
    },
  ],
  apk: [
    {
      name: 'add',
      what: 'Installs packages.',
      why: 'With `--no-cache` no index is left behind; build-only packages go in a `--virtual` group deleted in the same RUN.',
      link: APK,
    },
    {
      name: 'del',
      what: 'Removes packages or a virtual group.',
      why: 'Saves space only in the RUN that added them.',
      link: APK,
    },
    {
      name: 'update',
      what: 'Downloads the package index to `/var/cache/apk`.',
      why: 'Not needed with `apk add --no-cache`, which reads a fresh index without storing it.',
      link: APK,
    },
    {
      name: 'upgrade',
      what: 'Upgrades installed packages.',
      why: 'Prefer a newer base tag and a rebuild.',
      link: APK,
    },
  ],
  pip: [
    {
      name: 'install',
      what: 'Installs packages from PyPI (or another index), requirement files or local projects.',
      why: 'In an image: `--no-cache-dir` (or a cache mount), pinned or locked versions, into a virtual environment that a runtime stage can copy.',
      link: PIP_INSTALL,
    },
    {
      name: 'wheel',
      what: 'Builds wheels for the requirements into a directory (`-w /wheels`).',
      why: 'A builder stage can compile wheels once; the runtime stage installs them with `pip install --no-index --find-links=/wheels`.',
      link: 'https://pip.pypa.io/en/stable/cli/pip_wheel/',
    },
    {
      name: 'uninstall',
      what: 'Removes packages.',
      why: 'In a later RUN the files stay in the earlier layer: install only what you need instead.',
      link: 'https://pip.pypa.io/en/stable/cli/pip_uninstall/',
    },
    {
      name: 'download',
      what: 'Downloads distributions without installing them.',
      why: 'Useful to pre-fetch in one stage; the files count towards the layer if they stay.',
      link: 'https://pip.pypa.io/en/stable/cli/pip_download/',
    },
  ],
  uv: [
    {
      name: 'sync',
      what: 'Makes the project\'s virtual environment (`.venv`) match `uv.lock`, installing and removing packages.',
      why: 'In an image: `uv sync --frozen --no-dev --no-install-project` after copying only the manifests, then again after `COPY . .`; copy `.venv` to the runtime stage.',
      link: UV_SYNC,
    },
    {
      name: 'install',
      what: '`uv pip install`: pip\'s interface, implemented by uv (much faster).',
      why: 'Same hygiene as pip: lock or pin, and keep the cache out of the layer (`--no-cache` or a cache mount on `/root/.cache/uv`).',
      link: UV_PIP_INSTALL,
    },
    {
      name: 'venv',
      what: 'Creates a virtual environment.',
      why: 'A venv at a fixed path (`/opt/venv`) is the cleanest thing to copy into a runtime stage.',
      link: 'https://docs.astral.sh/uv/reference/cli/#uv-venv',
    },
    {
      name: 'export',
      what: 'Writes the locked dependencies as a requirements file.',
      why: 'Lets a runtime stage install with plain pip, without uv.',
      link: 'https://docs.astral.sh/uv/reference/cli/#uv-export',
    },
  ],
  poetry: [
    {
      name: 'install',
      what: 'Installs the project\'s dependencies from `poetry.lock` (and the project itself unless `--no-root`).',
      why: 'In an image: Poetry only in the builder, `--only main --no-root` before the sources, an in-project venv (`POETRY_VIRTUALENVS_IN_PROJECT=1`) to copy.',
      link: POETRY_INSTALL,
    },
    {
      name: 'export',
      what: 'Writes the lock as a requirements file (a plugin since Poetry 2).',
      why: 'The runtime stage can then install with plain pip and never needs Poetry.',
      link: POETRY_EXPORT,
    },
    {
      name: 'sync',
      what: 'Makes the environment match the lock exactly (Poetry 2).',
      why: 'Same as install, plus removal of anything extra.',
      link: 'https://python-poetry.org/docs/cli/#sync',
    },
    {
      name: 'config',
      what: 'Sets Poetry configuration (`virtualenvs.create false`, `virtualenvs.in-project true`).',
      why: 'An in-project venv (`/app/.venv`) is easy to copy to a runtime stage; `POETRY_VIRTUALENVS_IN_PROJECT=1` does the same without a RUN.',
      link: 'https://python-poetry.org/docs/configuration/',
    },
  ],
};

/** The doc for an option word as written (`--no-cache-dir`, `--virtual=.deps`, `-qq`), or undefined. */
export function optionDoc(manager: PackageManager, subcommand: string, word: string): OptionDoc | undefined {
  const eq = word.indexOf('=');
  const name = eq < 0 ? word : word.slice(0, eq);
  const docs = OPTION_DOCS[manager];
  const fits = (doc: OptionDoc) => !doc.subcommands || !subcommand || doc.subcommands.includes(subcommand);
  const exact = docs.find((d) => d.names.includes(name) && fits(d)) ?? docs.find((d) => d.names.includes(name));
  if (exact) return exact;
  // Bundled short options (`-qy`): the first letter that has a doc.
  if (/^-[a-zA-Z]{2,}$/.test(name)) {
    for (const letter of name.slice(1)) {
      const found = docs.find((d) => d.names.includes(`-${letter}`) && fits(d));
      if (found) return found;
    }
  }
  return undefined;
}

export function subcommandDoc(manager: PackageManager, subcommand: string): SubcommandDoc | undefined {
  return SUBCOMMAND_DOCS[manager].find((d) => d.name === subcommand);
}

// Dockerfile instruction flags.

const DOCKERFILE = 'https://docs.docker.com/reference/dockerfile/';
const CACHE_GUIDE = 'https://docs.docker.com/build/cache/optimize/#use-cache-mounts';

export interface MountDoc {
  type: string;
  what: string;
  why: string;
  link: string;
}

export const MOUNT_DOCS: MountDoc[] = [
  {
    type: 'cache',
    what: 'A directory that persists between builds on this builder but is never part of the image.',
    why: 'Package downloads survive a cache miss (a changed requirement file no longer re-downloads everything) without adding a byte to the layer. Nothing in it is guaranteed to be there: it is a cache, not storage.',
    link: `${DOCKERFILE}#run---mounttypecache`,
  },
  {
    type: 'secret',
    what: 'Makes a secret file (default `/run/secrets/<id>`) or, with `env=`, an environment variable available to this RUN only.',
    why: 'The secret is in no layer and not in `docker history`, unlike ARG or ENV. Pass it with `docker build --secret id=<id>,src=<file>` (or `,env=<VAR>`).',
    link: `${DOCKERFILE}#run---mounttypesecret`,
  },
  {
    type: 'bind',
    what: 'Mounts files from the build context (or, with `from=`, from a stage or image) for this RUN, read-only by default.',
    why: 'Reads `requirements.txt`, `pyproject.toml` or `uv.lock` without a COPY layer: the install still re-runs when they change, and nothing extra ships in the image.',
    link: `${DOCKERFILE}#run---mounttypebind`,
  },
  {
    type: 'ssh',
    what: 'Forwards the SSH agent (or keys) given with `docker build --ssh default` to this RUN.',
    why: 'Clones private Git dependencies (`pip install git+ssh://…`) without a key ever touching a layer.',
    link: `${DOCKERFILE}#run---mounttypessh`,
  },
  {
    type: 'tmpfs',
    what: 'An empty in-memory filesystem at the target for this RUN.',
    why: 'Scratch files written there (downloads, build trees in `/tmp`) vanish with the RUN and cannot leak into the layer.',
    link: `${DOCKERFILE}#run---mounttypetmpfs`,
  },
];

export interface CacheTarget {
  manager: PackageManager;
  /** Directories a cache mount should cover for this manager, as root. */
  targets: string[];
  note: string;
}

/** Where each package manager keeps its cache in an image (as root), and what else the mount needs. */
export const CACHE_TARGETS: CacheTarget[] = [
  {
    manager: 'pip',
    targets: ['/root/.cache/pip'],
    note: 'Do not combine with `--no-cache-dir` or `PIP_NO_CACHE_DIR`: they turn the cache off and the mount stays empty.',
  },
  {
    manager: 'uv',
    targets: ['/root/.cache/uv'],
    note: 'Set `UV_LINK_MODE=copy`: the cache is on another filesystem, so uv cannot hardlink from it.',
  },
  {
    manager: 'poetry',
    targets: ['/root/.cache/pypoetry'],
    note: 'Poetry keeps downloads under `cache/` and artifacts under `artifacts/` in this directory.',
  },
  {
    manager: 'apt',
    targets: ['/var/cache/apt', '/var/lib/apt'],
    note: 'Use `sharing=locked` (apt takes a lock), and remove `/etc/apt/apt.conf.d/docker-clean`, which Debian\'s images use to delete downloaded packages after every install.',
  },
  {
    manager: 'apk',
    targets: ['/var/cache/apk', '/etc/apk/cache'],
    note: 'apk caches only when `/etc/apk/cache` exists (a link to `/var/cache/apk`); drop `--no-cache`, which turns the cache off.',
  },
];

export interface InstructionFlagDoc {
  keyword: 'COPY' | 'ADD' | 'FROM';
  flag: string;
  what: string;
  why: string;
  link: string;
}

export const INSTRUCTION_FLAG_DOCS: InstructionFlagDoc[] = [
  {
    keyword: 'COPY',
    flag: 'from',
    what: 'Copies from an earlier build stage (by name or index) or from another image, instead of from the build context.',
    why: 'The heart of a multi-stage build: compilers, headers and caches stay in the builder, and only what is copied reaches the runtime image.',
    link: `${DOCKERFILE}#copy---from`,
  },
  {
    keyword: 'COPY',
    flag: 'chown',
    what: 'Sets the owner (and group) of the copied files in the same layer.',
    why: 'A later `RUN chown -R` rewrites every file into a new layer, doubling their size in the image. Names must exist in the stage\'s `/etc/passwd`, or use numeric ids.',
    link: `${DOCKERFILE}#copy---chown---chmod`,
  },
  {
    keyword: 'ADD',
    flag: 'chown',
    what: 'Sets the owner (and group) of the added files in the same layer.',
    why: 'A later `RUN chown -R` rewrites every file into a new layer, doubling their size in the image.',
    link: `${DOCKERFILE}#add---chown---chmod`,
  },
  {
    keyword: 'COPY',
    flag: 'chmod',
    what: 'Sets the permissions of the copied files in the same layer.',
    why: 'Same reason as `--chown`: a later `RUN chmod -R` duplicates the files into a new layer.',
    link: `${DOCKERFILE}#copy---chown---chmod`,
  },
  {
    keyword: 'COPY',
    flag: 'link',
    what: 'Puts the copied files in a layer of their own that does not depend on the layers below it.',
    why: 'When an earlier layer changes (a new base digest, a new apt package), BuildKit reuses this layer instead of copying again, and can even rebase it without pulling the base. Caveat: the destination cannot rely on symlinks or files created by earlier layers.',
    link: `${DOCKERFILE}#copy---link`,
  },
  {
    keyword: 'ADD',
    flag: 'link',
    what: 'Puts the added files in a layer of their own that does not depend on the layers below it.',
    why: 'Lets BuildKit reuse the layer when earlier layers change.',
    link: `${DOCKERFILE}#add---link`,
  },
  {
    keyword: 'COPY',
    flag: 'exclude',
    what: 'Leaves out paths matching the pattern (dockerfile frontend 1.19 and later).',
    why: 'A per-COPY `.dockerignore`: keeps tests or notebooks out of one copy without excluding them from the whole context.',
    link: `${DOCKERFILE}#copy---exclude`,
  },
  {
    keyword: 'COPY',
    flag: 'parents',
    what: 'Keeps the source paths\' parent directories at the destination.',
    why: 'Copies several manifests (`services/*/requirements.txt`) in one COPY while keeping their layout.',
    link: `${DOCKERFILE}#copy---parents`,
  },
  {
    keyword: 'FROM',
    flag: 'platform',
    what: 'Selects the platform of a multi-platform base image (`linux/amd64`).',
    why: 'Wheels are per platform: an arm64 image needs `aarch64` wheels, and some packages publish only x86_64 ones.',
    link: `${DOCKERFILE}#from`,
  },
];

export function instructionFlagDoc(keyword: string, flag: string): InstructionFlagDoc | undefined {
  return INSTRUCTION_FLAG_DOCS.find((d) => d.keyword === keyword && d.flag === flag);
}

export function mountDoc(type: string): MountDoc | undefined {
  return MOUNT_DOCS.find((d) => d.type === type);
}

export { CACHE_GUIDE };
