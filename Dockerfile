# One image per service: docker build --build-arg MODULE=page-construction .
# (docker-compose.yml builds all four.)
FROM eclipse-temurin:17-jdk AS build
ARG MODULE
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests -pl "${MODULE}" -am package

FROM eclipse-temurin:17-jre
ARG MODULE
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --home-dir /var/lib/marquee marquee && mkdir -p /var/lib/marquee && chown marquee /var/lib/marquee
ENV MARQUEE_HOME=/var/lib/marquee
COPY --from=build /src/${MODULE}/target/${MODULE}-0.1.0-SNAPSHOT.jar /app/app.jar
USER marquee
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=70", "-jar", "/app/app.jar"]
