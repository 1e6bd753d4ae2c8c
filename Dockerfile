# Image of one Jangteo app: docker-compose.yml builds it three times, with MODULE=command-side PORT=8081,
# MODULE=query-side PORT=8082 and MODULE=identity PORT=9000 (the identity provider). Build context: the repository root, so Maven sees the parent pom and the sibling
# modules. By hand:
#   docker build --build-arg MODULE=command-side --build-arg PORT=8081 -t jangteo/command-side .

# ---- build: Maven + Temurin 21 (the project compiles with release 21)
FROM maven:3.9.9-eclipse-temurin-21 AS build
ARG MODULE
WORKDIR /workspace
# The whole checkout (trimmed by .dockerignore): the reactor needs every module's pom.
COPY . .
RUN test -n "$MODULE" \
 && mvn -B -DskipTests -pl "$MODULE" -am package \
 && cp "$MODULE"/target/"$MODULE"-*.jar /workspace/app.jar

# ---- runtime: Temurin 21 JRE, non-root
FROM eclipse-temurin:21-jre
ARG PORT
# Heap of the app: 512m for the command side, 1g for the query side (see APP_HEAP in ./dev).
ARG HEAP=512m
# curl for the HEALTHCHECK (not guaranteed in the base image).
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system jangteo \
 && useradd --system --gid jangteo --home-dir /app --shell /usr/sbin/nologin jangteo
WORKDIR /app
COPY --from=build --chown=jangteo:jangteo /workspace/app.jar app.jar
USER jangteo
EXPOSE ${PORT}
# The same JVM options as ./dev run (see APP_JVM_OPTS and APP_HEAP there).
ENV APP_PORT=${PORT} \
    JAVA_OPTS="-Xmx${HEAP} -XX:+UseParallelGC"
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=6 \
  CMD curl -fsS "http://localhost:${APP_PORT}/actuator/health/readiness" || exit 1
# sh -c so that JAVA_OPTS can be overridden at run time; exec keeps java as PID 1 for signals.
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/app.jar"]
