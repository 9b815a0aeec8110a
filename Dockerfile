# syntax=docker/dockerfile:1
# One image for the API (default command) and the worker (command overridden in docker-compose.yml).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN bash scripts/build.sh && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production APP_ENV=production PORT=3000
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/data ./data
USER node
EXPOSE 3000
# Migrations run before the API starts; they are idempotent, so several replicas may run them.
CMD ["sh", "-c", "node dist/scripts/migrate.js && node dist/apps/api/src/main.js"]
