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
RUN mkdir -p /var/lib/childcare/audit-checkpoints && chown node /var/lib/childcare/audit-checkpoints
USER node
EXPOSE 3000
# Migrations run as the owner in a one-shot container before the API (docker-compose.yml `migrate`, under an advisory
# lock, so several at once are safe); the API and the worker connect as the application's role, which owns nothing.
CMD ["node", "dist/apps/api/src/main.js"]
