# tarot-bot: one image, every role (bot, web, migrate, admin) chosen by the command.
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY tarot_domain ./tarot_domain
COPY tarot_ports ./tarot_ports
COPY adapters ./adapters
COPY runners ./runners
RUN pip wheel --no-cache-dir --wheel-dir /wheels .

FROM python:3.11-slim
ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 TAROT_SQLITE_PATH=/data/tarot.sqlite3
RUN useradd --system --create-home --uid 10001 tarot && mkdir -p /data && chown tarot /data
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir /wheels/*.whl && rm -rf /wheels
USER tarot
WORKDIR /home/tarot
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8080/healthz', timeout=4).status == 200 else 1)" || exit 1
ENTRYPOINT ["tarot"]
CMD ["web", "--host", "0.0.0.0", "--port", "8080"]
