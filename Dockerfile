# syntax=docker/dockerfile:1
# One image recipe for both services: docker compose builds it twice with SERVICE set (command-service or
# query-service); the two differ only in the jar they carry.
# Base images at an exact release, so that a rebuild gets the same JDK and JRE.
FROM eclipse-temurin:17.0.15_6-jdk AS build
ARG SERVICE
WORKDIR /src
COPY . .
# The build stage needs nothing but the sources: the Maven wrapper fetches Maven and the dependencies, kept in a
# cache between builds, so a rebuild after a change to the sources downloads nothing.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests package -pl ${SERVICE} -am
# The jar taken apart in Spring Boot's layers: the libraries, which rarely change, apart from the application's own
# classes, so that the image's layers for the libraries stay the same from one version to the next. Unpacked as plain
# jars (app.jar with its libraries in lib/), which class-data sharing needs, rather than for Spring Boot's launcher.
RUN java -Djarmode=tools -jar ${SERVICE}/target/${SERVICE}.jar extract --layers --application-filename app.jar \
    --destination /layers

FROM eclipse-temurin:17.0.15_6-jre
ARG SERVICE
# For the health check below: which port the service listens on.
ENV SERVICE=${SERVICE}
RUN useradd --system --uid 10001 ledger
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
# Class-data sharing: a training run loads the service's classes as a start does and keeps them in app.jsa, which every
# start then maps instead of loading and verifying them again (a second or two less of a start's CPU). It only refreshes
# the application context and exits (spring.context.exit=onRefresh): no database is needed (Flyway is off, the pool
# connects on first use, the login check runs only when the context starts), and the token settings are placeholders.
# DeploymentFilesTest runs this line on the built jars.
RUN java -XX:ArchiveClassesAtExit=app.jsa -XX:+UseParallelGC -Dspring.context.exit=onRefresh -jar app.jar --spring.flyway.enabled=false \
    --spring.datasource.url=jdbc:postgresql://training.invalid/none --actionledger.security.mode=jwt \
    --actionledger.security.jwt.issuer=https://training.invalid \
    --spring.security.oauth2.resourceserver.jwt.jwk-set-uri=https://training.invalid/jwks \
    --spring.security.oauth2.resourceserver.jwt.audiences=training
USER ledger
# Healthy when ready for traffic (started, its database reachable), not by the overall health, which includes the
# projections: a stopped projection needs a replay, not a restart. The JRE image has bash but no curl.
HEALTHCHECK --interval=5s --timeout=3s --start-period=30s --retries=60 CMD ["bash", "-c", \
    "port=$([ \"$SERVICE\" = query-service ] && echo 8081 || echo 8080); exec 3<>/dev/tcp/localhost/$port && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q '\"UP\"' <&3"]
# The parallel collector, not G1, which the JVM picks on a machine of two cores or more: with a heap of this size its
# pauses are as short, and the services spend less CPU per request without G1's write barriers and concurrent
# refinement (command-service 8-11 % less per change, measured in turns with the benchmark's --compare-command-java-options;
# BENCHMARKS.md). The training run above uses it too, so that the archive matches the starts.
ENTRYPOINT ["java", "-XX:SharedArchiveFile=app.jsa", "-XX:+UseParallelGC", "-XX:MaxRAMPercentage=75", "-jar", "app.jar"]
