import { devServerInCmd } from '../../server/src/engine/rules/dev-server-in-cmd';
import { dockerfile } from '../helpers';
import { ruleTests } from '../rule-tester';

ruleTests(devServerInCmd, {
  valid: [
    // ../shared/corpus/saleor__saleor__Dockerfile
    dockerfile('FROM python:3.12-slim', 'CMD ["uvicorn", "saleor.asgi:application", "--host=0.0.0.0", "--port=8000", "--workers=2"]'),
    // ../shared/corpus/astral-sh__uv-docker-example__multistage.Dockerfile: `fastapi run` is the production command.
    dockerfile('FROM python:3.12-slim-bookworm', 'CMD ["fastapi", "run", "--host", "0.0.0.0", "src/uv_docker_example"]'),
    dockerfile('FROM python:3.12-slim', 'CMD ["gunicorn", "--bind", "0.0.0.0:8000", "project.wsgi"]'),
    dockerfile('FROM python:3.12-slim', 'CMD ["python", "manage.py", "migrate"]'),
    dockerfile('FROM python:3.12-slim', 'CMD ["streamlit", "run", "app.py"]'),
    // ../shared/corpus/docker__awesome-compose__nginx-flask-mysql_backend_Dockerfile: the final stage is a development environment.
    dockerfile('FROM python:3.10-alpine AS builder', 'CMD ["flask", "run"]', 'FROM builder AS dev-envs', 'CMD ["flask", "run"]'),
    // A dev server in a stage the final image is not built from.
    dockerfile('FROM python:3.12-slim AS dev', 'CMD ["flask", "run"]', 'FROM python:3.12-slim', 'CMD ["gunicorn", "app:app"]'),
    // A RUN is not the container's command.
    dockerfile('FROM python:3.12-slim', 'RUN python manage.py runserver --help', 'CMD ["gunicorn", "app:app"]'),
  ],
  invalid: [
    {
      // ../shared/corpus/sravanre__python_Webservers__apline_image_Dockerfile
      code: dockerfile('FROM python:3.12-alpine', 'EXPOSE 5000', 'CMD [ "python3", "-m" , "flask", "run", "--host=0.0.0.0"]'),
      lines: [3],
      message: '`flask run`',
      output: null,
    },
    {
      // ../shared/corpus/tahsina-azam__Graphys-ML-Backend__Dockerfile: options before `run`, shell form.
      code: dockerfile('FROM python:3-alpine3.11', 'CMD flask --app app run -h 0.0.0.0 -p 5000'),
      lines: [2],
      message: 'gunicorn',
    },
    {
      code: dockerfile('FROM python:3.12-slim', 'CMD ["sh", "-c", "python manage.py migrate && python manage.py runserver 0.0.0.0:8000"]'),
      lines: [2],
      message: '`manage.py runserver`',
      output: null,
    },
    {
      code: dockerfile('FROM python:3.12-slim', 'ENTRYPOINT ["django-admin", "runserver", "0.0.0.0:8000"]'),
      lines: [2],
      message: 'django-admin runserver',
    },
    {
      code: dockerfile('FROM python:3.12-slim', 'CMD ["fastapi", "dev", "app/main.py"]'),
      lines: [2],
      message: '`fastapi dev`',
      output: null,
    },
    {
      code: dockerfile('FROM python:3.12-slim', 'CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--reload"]'),
      lines: [2],
      message: '`uvicorn --reload`',
      unsafe: true,
      output: dockerfile('FROM python:3.12-slim', 'CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0"]'),
    },
    {
      code: dockerfile('FROM python:3.12-slim', 'CMD gunicorn --reload --bind 0.0.0.0:8000 app:app'),
      lines: [2],
      unsafe: true,
      output: dockerfile('FROM python:3.12-slim', 'CMD gunicorn --bind 0.0.0.0:8000 app:app'),
    },
    {
      code: dockerfile('FROM python:3.12-slim', 'CMD ["sh", "-c", "exec uvicorn app:app --reload --port $PORT"]'),
      lines: [2],
      unsafe: true,
      output: dockerfile('FROM python:3.12-slim', 'CMD ["sh", "-c", "exec uvicorn app:app --port $PORT"]'),
    },
    {
      // The CMD comes from the stage the final one is built FROM.
      code: dockerfile('FROM python:3.12-slim AS base', 'CMD ["python", "-m", "uvicorn", "app:app", "--reload"]', 'FROM base AS prod'),
      lines: [2],
      unsafe: true,
      output: dockerfile('FROM python:3.12-slim AS base', 'CMD ["python", "-m", "uvicorn", "app:app"]', 'FROM base AS prod'),
    },
  ],
});
