import { curlPipeShell } from '../../server/src/engine/rules/curl-pipe-shell';
import { dockerfile } from '../helpers';
import { ruleTests } from '../rule-tester';

ruleTests(curlPipeShell, {
  valid: [
    // ../shared/corpus/wagoodman__dive__Dockerfile: an archive piped into tar.
    dockerfile('FROM alpine:3.21', 'RUN wget -O- https://download.docker.com/linux/static/stable/x86_64/docker-27.0.3.tgz | \\', '    tar -xzf - docker/docker --strip-component=1'),
    // ../shared/corpus/moby__buildkit__Dockerfile
    dockerfile('FROM alpine:3.21', 'RUN curl -fsSL https://github.com/containernetworking/plugins/releases/download/v1.5.1/cni-plugins-linux-amd64-v1.5.1.tgz | tar xzv'),
    // Downloaded to a file, verified, then run.
    dockerfile(
      'FROM python:3.12-slim',
      'RUN curl -fsSLo /tmp/install.sh https://example.com/install.sh \\',
      ' && echo "abc  /tmp/install.sh" | sha256sum -c - \\',
      ' && sh /tmp/install.sh',
    ),
    // The interpreter reads data from the pipe, not its program.
    dockerfile('FROM python:3.12-slim', 'RUN curl -s https://api.github.com/repos/a/b/releases/latest | python3 -c "import sys, json; print(json.load(sys.stdin)[\'tag_name\'])"'),
    dockerfile('FROM python:3.12-slim', 'RUN curl -s https://example.com/data.json | python3 parse.py'),
    dockerfile('FROM python:3.12-slim', 'RUN curl -fsSL https://example.com/key.asc | gpg --dearmor -o /usr/share/keyrings/x.gpg'),
    dockerfile('FROM python:3.12-slim', 'RUN curl -fsSL https://example.com/x.sh | sh -c "cat > /tmp/x.sh"'),
    // wget without -O- writes a file, not standard output.
    dockerfile('FROM alpine:3.21', 'RUN wget https://example.com/install.sh | sh'),
    // ../shared/corpus/huggingface__text-generation-inference__Dockerfile: a commented-out line.
    dockerfile('FROM python:3.12-slim', '# RUN curl -LsSf https://astral.sh/uv/install.sh | sh'),
    // The HEALTHCHECK pipe is not a RUN (../shared/corpus/open-webui__open-webui__Dockerfile).
    dockerfile('FROM python:3.12-slim', "HEALTHCHECK CMD curl --silent --fail http://localhost:8080/health | jq -ne 'input.status == true' || exit 1"),
  ],
  invalid: [
    {
      // ../shared/corpus/mealie-recipes__mealie__docker_Dockerfile
      code: dockerfile('FROM python:3.12-slim', 'RUN curl -sSL https://install.python-poetry.org | python3 -'),
      lines: [2],
      message: 'from https://install.python-poetry.org',
      output: null,
    },
    {
      // ../shared/corpus/open-webui__open-webui__Dockerfile: inside a chain with a comment line.
      code: dockerfile(
        'FROM python:3.11-slim',
        'RUN apt-get update && \\',
        '    # install ollama',
        '    curl -fsSL https://ollama.com/install.sh | sh && \\',
        '    rm -rf /var/lib/apt/lists/*',
      ),
      lines: [4],
      message: '`curl … | sh`',
    },
    {
      // ../shared/corpus/tiangolo__full-stack-fastapi-template__backend_Dockerfile: an assignment before the interpreter.
      code: dockerfile('FROM python:3.10', 'RUN curl -sSL https://install.python-poetry.org | POETRY_HOME=/opt/poetry python && \\', '    cd /usr/local/bin'),
      lines: [2],
    },
    {
      code: dockerfile(
        'FROM debian:bookworm-slim',
        'RUN wget -qO- https://astral.sh/uv/install.sh | sh',
        'RUN curl -LsSf https://astral.sh/uv/install.sh | sudo -E bash -s -- --yes',
        'RUN sh -c "$(curl -fsSL https://raw.githubusercontent.com/ohmyzsh/ohmyzsh/master/tools/install.sh)"',
        'RUN curl -fsSL https://example.com/x.sh | tr -d "\\r" | bash',
      ),
      lines: [2, 3, 4, 5],
    },
    {
      code: dockerfile('FROM python:3.12-slim', 'RUN <<EOF', 'set -eux', 'curl -fsSL https://deb.nodesource.com/setup_22.x | bash -', 'EOF'),
      lines: [4],
    },
  ],
});
