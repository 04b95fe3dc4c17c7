# One image for every clientfees process; SERVICE picks which one runs:
# invoicing, income-verification, provider-settlement, collection, debt-followup, workflows,
# authority-sim.
FROM node:20-bookworm-slim AS dependencies
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/cli/package.json apps/cli/package.json
RUN npm ci --omit=dev --omit=optional --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=dependencies /app/node_modules ./node_modules
COPY package.json tsconfig.base.json tsconfig.json ./
COPY scripts/register.js scripts/register.js
COPY libs libs
COPY apps apps
COPY workflows workflows
ARG SERVICE
ENV SERVICE=${SERVICE}
USER node
CMD ["sh", "-c", "if [ \"$SERVICE\" = workflows ]; then exec node -r ./scripts/register.js workflows/src/worker/main.ts; else exec node -r ./scripts/register.js apps/$SERVICE/src/main.ts; fi"]
