# Builds the Replay jar with the project's own wrapper (Java 17, Node.js 20 for the player),
# then runs it on a JRE.
FROM node:20-bookworm AS build
RUN apt-get update -q && apt-get install -y -q --no-install-recommends openjdk-17-jdk-headless \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN ./mvnw --batch-mode -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 replay
USER replay
COPY --from=build /src/replay-api/target/replay-api-*.jar /app/replay.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/replay.jar"]
