import { pipInstallPerPackage } from '../../server/src/engine/rules/pip-install-per-package';
import { dockerfile } from '../helpers';
import { ruleTests } from '../rule-tester';

ruleTests(pipInstallPerPackage, {
  valid: [
    dockerfile('FROM python:3.12-slim', 'RUN pip install --no-cache-dir flask gunicorn redis'),
    // Two are not many.
    dockerfile('FROM python:3.12-slim', 'RUN pip install --no-cache-dir -U pip', 'RUN pip install --no-cache-dir flask'),
    // Another RUN breaks the row.
    dockerfile('FROM python:3.12-slim', 'RUN pip install a', 'RUN pip install b', 'RUN python -c "import b"', 'RUN pip install c'),
    // Requirement files are not single packages.
    dockerfile('FROM python:3.12-slim', 'RUN pip install -r a.txt', 'RUN pip install -r b.txt', 'RUN pip install -r c.txt'),
    // Chained in one RUN (../shared/corpus/ceo21ckim__AXCF-Pytorch__Dockerfile): one layer already.
    dockerfile('FROM python:3.12-slim', 'RUN pip install torch && pip install transformers && pip install pandas'),
    // ../shared/corpus/facebookresearch__detectron2__docker_Dockerfile: different options each time.
    dockerfile(
      'FROM nvidia/cuda:11.1.1-cudnn8-devel-ubuntu18.04',
      'RUN pip install --user tensorboard cmake onnx   # cmake from apt-get is too old',
      'RUN pip install --user torch==1.10 torchvision==0.11.1 -f https://download.pytorch.org/whl/cu111/torch_stable.html',
      '',
      "RUN pip install --user 'git+https://github.com/facebookresearch/fvcore'",
    ),
    // ../shared/corpus/Kaggle__docker-python__Dockerfile.tmpl (shape): deliberate, differently-flagged installs.
    dockerfile(
      'FROM python:3.12',
      'RUN uv pip install --no-build-isolation --no-cache --system "git+https://github.com/Kaggle/learntools"',
      'RUN uv pip install --system --force-reinstall --no-cache --no-deps torchtune',
      'RUN uv pip install --system --force-reinstall --no-cache "protobuf==5.29.5" "grpcio-tools>=1.60.0"',
    ),
    // ../shared/corpus/jupyterhub__jupyterhub__examples_service-fastapi_Dockerfile
    dockerfile('FROM quay.io/jupyterhub/jupyterhub', 'RUN useradd testuser --create-home --shell /bin/bash', 'RUN pip install jupyter', 'COPY app ./app', 'RUN pip install -r /tmp/requirements.txt'),
  ],
  invalid: [
    {
      code: dockerfile('FROM python:3.12-slim', 'RUN pip install --no-cache-dir flask', 'RUN pip install --no-cache-dir gunicorn==22.0.0', 'RUN pip install --no-cache-dir "redis[hiredis]"', 'CMD ["gunicorn", "app:app"]'),
      lines: [2],
      message: 'lines 2, 3, 4',
      unsafe: true,
      output: dockerfile('FROM python:3.12-slim', 'RUN pip install --no-cache-dir flask gunicorn==22.0.0 "redis[hiredis]"', 'CMD ["gunicorn", "app:app"]'),
    },
    {
      // Options after the packages stay where they are.
      code: dockerfile('FROM python:3.12-slim', 'RUN pip3 install a --no-cache-dir', 'RUN pip3 install b c --no-cache-dir', 'RUN pip3 install d --no-cache-dir'),
      lines: [2],
      unsafe: true,
      output: dockerfile('FROM python:3.12-slim', 'RUN pip3 install a b c d --no-cache-dir'),
    },
    {
      // A trailing shell comment stays after the packages.
      code: dockerfile('FROM python:3.12-slim', 'RUN pip install --user a   # first', 'RUN pip install --user b', 'RUN pip install --user c'),
      lines: [2],
      unsafe: true,
      output: dockerfile('FROM python:3.12-slim', 'RUN pip install --user a b c   # first'),
    },
    {
      // ENV in between: still a row, but not adjacent: no fix.
      code: dockerfile('FROM python:3.12-slim', 'RUN uv pip install --system a', 'ENV X=1', 'RUN uv pip install --system b', 'RUN uv pip install --system c'),
      lines: [2],
      output: null,
    },
  ],
});
