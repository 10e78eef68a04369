# syntax=docker/dockerfile:1
# Roster's image. Every build step is scripts/release/build.sh, which CI also runs outside a
# container; this file only calls it and copies its output into a slim, non-root runtime.
#   docker build -t roster .
#   docker run --env-file roster.env roster serve api      (or: serve worker, migrate, org create …)

FROM node:24-slim AS build
WORKDIR /src
COPY . .
RUN bash scripts/release/build.sh /release

FROM node:24-slim
ENV NODE_ENV=production
# glibc's allocator with two arenas and large buffers handed back when freed: see docs/deploy.md, "Node flags and memory".
ENV GLIBC_TUNABLES=glibc.malloc.arena_max=2:glibc.malloc.mmap_threshold=131072:glibc.malloc.trim_threshold=131072
WORKDIR /app
# The release is the bundle, the built dashboard and Swagger UI's files: no node_modules to install.
COPY --from=build --chown=root:root /release/ /app/
# The image's own unprivileged user; nothing under /app is writable by it.
USER node
EXPOSE 3001 9091
ENTRYPOINT ["node", "/app/apps/cli/dist/roster.js"]
CMD ["serve", "api"]
