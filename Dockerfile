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
# classes, so that the image's layers for the libraries stay the same from one version to the next.
RUN java -Djarmode=tools -jar ${SERVICE}/target/${SERVICE}.jar extract --layers --launcher --destination /layers

FROM eclipse-temurin:17.0.15_6-jre
ARG SERVICE
# For the health check below: which port the service listens on.
ENV SERVICE=${SERVICE}
RUN useradd --system --uid 10001 ledger
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
USER ledger
# Healthy when ready for traffic (started, its database reachable), not by the overall health, which includes the
# projections: a stopped projection needs a replay, not a restart. The JRE image has bash but no curl.
HEALTHCHECK --interval=5s --timeout=3s --start-period=30s --retries=60 CMD ["bash", "-c", \
    "port=$([ \"$SERVICE\" = query-service ] && echo 8081 || echo 8080); exec 3<>/dev/tcp/localhost/$port && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q '\"UP\"' <&3"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "org.springframework.boot.loader.launch.JarLauncher"]
