# syntax=docker/dockerfile:1
# One image for all eight Parley services (and the migrate job); the role is chosen at run time:
#   docker run -e APP=gateway parley     or     docker run parley gateway
# Apps run from TypeScript sources through @swc-node/register, as in development: no build step.

FROM node:20-bookworm-slim AS base
# Speech engines for the embedded STT/TTS defaults (pocketsphinx, flite, espeak-ng) and sox.
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      libpocketsphinx3 pocketsphinx-en-us flite libflite1 espeak-ng sox ca-certificates \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app

FROM base AS build
COPY . .
# `npm ci` refuses a lockfile made on another platform; npm's cache survives between builds.
# The postinstall script generates the Prisma clients.
RUN --mount=type=cache,target=/root/.npm npm install --no-audit --no-fund

FROM base AS runtime
# MALLOC_ARENA_MAX: the speech engines decode on native threads; see tools/dev/start.mjs.
ENV NODE_ENV=production \
    MALLOC_ARENA_MAX=2 \
    HOST=0.0.0.0 \
    NX_DAEMON=false
COPY --from=build --chown=node:node /app /app
USER node
ENTRYPOINT ["/app/infra/docker/entrypoint.sh"]
