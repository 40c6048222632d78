# One image recipe for both services: docker compose builds it twice with SERVICE set.
# The build stage needs nothing but the sources: the Maven wrapper fetches Maven and the dependencies.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests package -pl command-service,query-service -am

FROM eclipse-temurin:17-jre
ARG SERVICE
RUN useradd --system --uid 10001 ledger
COPY --from=build /src/${SERVICE}/target/${SERVICE}.jar /app/service.jar
USER ledger
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/service.jar"]
