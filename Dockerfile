# Production image: gunicorn behind the municipality's proxy; static files through whitenoise.
FROM node:20-bookworm-slim AS assets
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DJANGO_SETTINGS_MODULE=frivillig.settings.production
RUN apt-get update && apt-get install -y --no-install-recommends \
      libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core gettext postgresql-client \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements.txt ./
RUN pip install --no-cache-dir -r requirements.txt
COPY --from=assets /app/node_modules ./node_modules
COPY . .
# collectstatic and compilemessages need settings but no real secrets or database.
RUN SECRET_KEY=build-only-$(head -c 48 /dev/urandom | base64 | tr -d '/+=') ALLOWED_HOSTS=build DATABASE_URL=postgres://build@localhost/build \
    python manage.py collectstatic --no-input -v 0 \
 && python manage.py compilemessages --ignore=node_modules -v 0
RUN useradd --system --uid 1000 frivillig && mkdir -p /app/var/media && chown -R frivillig /app/var
USER frivillig
EXPOSE 8000
CMD ["gunicorn", "frivillig.wsgi:application", "--config", "gunicorn.conf.py"]
