# The handbook bot as a container: `docker build -t handbook-bot .`, then run it with its environment
# (see .env.example), e.g. `docker run --env-file .env -p 3000:3000 handbook-bot` in HTTP mode.
# Node runs directly as the container's main process (no npm in between), so SIGTERM from `docker stop`
# or Kubernetes reaches the app, which finishes requests in flight before exiting; allow it up to 30 s
# (`docker stop -t 30`, Kubernetes' default terminationGracePeriodSeconds).

FROM node:20-slim AS build
WORKDIR /app
# better-sqlite3 downloads a prebuilt binary when one matches; these build it from source otherwise.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev

FROM node:20-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY catalogue ./catalogue
# The SQLite order store (the default without DATABASE_URL) lives here: mount a volume to keep it.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
ENV DATA_DIR=/app/data
EXPOSE 3000
CMD ["node", "dist/main.js"]
