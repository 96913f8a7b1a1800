# Builds the production jar and runs it on a JRE 25. Used by docker-compose.yml.
FROM maven:3.9-eclipse-temurin-25 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:25-jre
RUN useradd --system --uid 10001 aura && mkdir /data && chown aura /data
USER aura
ENV AURA_DATA_DIR=/data AXONIQ_UPDATE_CHECKER_DISABLED=true
COPY --from=build /src/app/target/aura-scheduler.jar /app/aura-scheduler.jar
EXPOSE 8080
# DL4J unpacks its native libraries (~400 MB) on first use: into the data volume, the user has no home
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "-Daxoniq.update-checker.disabled=true", "-Dorg.bytedeco.javacpp.cachedir=/data/javacpp", "-jar", "/app/aura-scheduler.jar"]
