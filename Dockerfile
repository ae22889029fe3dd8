# Kartrekker: multi-stage image; the app runs as a non-root user on 0.0.0.0:8000.
FROM python:3.11-slim AS build
ENV UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_PROJECT_ENVIRONMENT=/opt/venv \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
RUN pip install --no-cache-dir "uv==0.13.9"
WORKDIR /app
COPY pyproject.toml uv.lock README.md ./
RUN uv sync --frozen --no-dev --no-install-project
COPY alembic.ini ./
COPY migrations ./migrations
COPY app ./app
RUN uv sync --frozen --no-dev

FROM python:3.11-slim
RUN groupadd --system --gid 10001 kartrekker \
    && useradd --system --uid 10001 --gid kartrekker --home-dir /app --shell /usr/sbin/nologin kartrekker \
    && mkdir /data \
    && chown kartrekker:kartrekker /data
WORKDIR /app
COPY --from=build /opt/venv /opt/venv
COPY --from=build /app /app
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    KARTREKKER_DATABASE_URL=sqlite:////data/kartrekker.db
VOLUME ["/data"]
USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/v1/status', timeout=4)"]
CMD ["kartrekker", "serve", "--host", "0.0.0.0", "--port", "8000"]
