# The production image: the server built to JavaScript, installed with production dependencies
# only (`pnpm deploy --prod`, the same install test/e2e/production-install.test.ts starts and scans
# with), run by node as an unprivileged user.
#   docker build -t penaxtra .
#   docker compose up          (compose.yaml: Postgres, one API, two workers)

FROM node:22-bookworm-slim AS build
WORKDIR /src
RUN npm install --global --no-fund --no-audit pnpm@12.21.0
COPY . .
RUN pnpm install --frozen-lockfile \
 && pnpm --filter @penaxtra/server build \
 && pnpm --filter @penaxtra/server deploy --prod /app

FROM node:22-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8787 LOG_FORMAT=json PENAXTRA_DATA_DIR=/app/data
WORKDIR /app
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 8787
# Liveness only: readiness (/readyz) also needs a worker, which may be another container.
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8787)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["node", "bin/penaxtra.js"]
CMD ["serve"]
