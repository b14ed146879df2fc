# JWT Lens: build the static export with Node, serve it with nginx and strict security headers.
#   docker build -t jwt-lens .                                  -> http://localhost:8080/
#   docker build -t jwt-lens --build-arg BASE_PATH=/tools/jwt . -> http://localhost:8080/tools/jwt/
#   docker run --rm -p 8080:8080 jwt-lens
# The nginx.conf is rendered at build time, because its Content-Security-Policy carries the hashes of this
# build's inline scripts (see docs/self-hosting.md).

FROM node:20-bookworm-slim AS build
ARG BASE_PATH=""
ENV BASE_PATH=${BASE_PATH} NEXT_TELEMETRY_DISABLED=1
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build \
 && node scripts/render-nginx.mjs --out out --root /usr/share/nginx/html --listen 8080 \
      --base-path "${BASE_PATH}" --runtime-dir /tmp > /app/nginx.rendered.conf

FROM nginx:1.27-alpine AS serve
ARG BASE_PATH=""
RUN rm -rf /usr/share/nginx/html/* /etc/nginx/conf.d
COPY --from=build /app/nginx.rendered.conf /etc/nginx/nginx.conf
COPY --from=build /app/out /usr/share/nginx/html${BASE_PATH}
# Port 8080, pid and temp files in /tmp: nginx runs as an unprivileged user.
USER nginx
EXPOSE 8080
HEALTHCHECK CMD wget -q -O /dev/null "http://127.0.0.1:8080${BASE_PATH}/" || exit 1
CMD ["nginx", "-g", "daemon off;"]
