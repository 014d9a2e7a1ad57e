import { missingHealthcheck } from '../../server/src/engine/rules/missing-healthcheck';
import { dockerfile } from '../helpers';
import { ruleTests } from '../rule-tester';

ruleTests(missingHealthcheck, {
  valid: [
    // ../shared/corpus/paperless-ngx__paperless-ngx__Dockerfile
    dockerfile(
      'FROM python:3.12-slim',
      'EXPOSE 8000',
      'HEALTHCHECK --interval=30s --timeout=10s --retries=5 CMD [ "curl", "-fs", "-S", "-L", "--max-time", "2", "http://localhost:8000" ]',
      'ENTRYPOINT ["/init"]',
    ),
    // ../shared/corpus/mealie-recipes__mealie__docker_Dockerfile: declared in the stage the final one is built FROM.
    dockerfile('FROM python:3.12-slim AS base', 'HEALTHCHECK CMD python /app/healthcheck.py || exit 1', 'FROM base', 'EXPOSE 9000'),
    // An explicit decision not to have one.
    dockerfile('FROM python:3.12-slim', 'HEALTHCHECK NONE', 'EXPOSE 8000'),
    // Not a server.
    dockerfile('FROM python:3.12-slim', 'CMD ["celery", "-A", "tasks", "worker"]'),
    dockerfile('FROM python:3.12-slim', 'CMD ["python", "batch.py"]'),
    // A server only in a builder stage.
    dockerfile('FROM python:3.12-slim AS test', 'EXPOSE 8000', 'FROM python:3.12-slim', 'CMD ["python", "job.py"]'),
    // ../shared/corpus/microsoft__vscode-containers__extensions_vscode-containers_resources_templates_python_Dockerfile.template
    dockerfile('FROM python:3.12-slim', 'EXPOSE {{ . }}'),
  ],
  invalid: [
    {
      // ../shared/corpus/saleor__saleor__Dockerfile (shape)
      code: dockerfile('FROM python:3.12-slim', 'EXPOSE 8000', 'CMD ["uvicorn", "saleor.asgi:application", "--host=0.0.0.0"]'),
      lines: [2],
      message: 'exposes port 8000',
      output: null,
    },
    {
      // ../shared/corpus/breznovic__spell_book_api__Dockerfile: no EXPOSE, but a server command.
      code: dockerfile('FROM tiangolo/uvicorn-gunicorn-fastapi:python3.9', 'CMD ["uvicorn", "main:app", "--host", "0.0.0.0", "--port", "8000"]'),
      lines: [2],
      message: '`uvicorn`',
    },
    {
      code: dockerfile('FROM python:3.12-slim', 'CMD ["python", "-m", "gunicorn", "app:app"]'),
      lines: [2],
      message: '`gunicorn`',
    },
    {
      // ../shared/corpus/ramishj__pdf-rag-assistant__Dockerfile
      code: dockerfile('FROM python:3.10-slim', 'CMD ["sh", "-c", "streamlit run app.py --server.address=0.0.0.0"]'),
      lines: [2],
      message: '`streamlit run`',
    },
    {
      code: dockerfile('FROM python:3.12-slim', 'EXPOSE 80 443/tcp', 'EXPOSE 8000'),
      lines: [2],
      message: 'ports 80, 443/tcp',
    },
  ],
});
