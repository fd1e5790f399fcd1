# One image per service: docker build --build-arg MODULE=page-construction .
# (docker-compose.yml builds all four.) Checked without a Docker engine by DockerfileTests (local-infra/launcher).
FROM eclipse-temurin:17-jdk AS build
ARG MODULE
WORKDIR /src

# 1. Dependencies, in a layer that only a pom change invalidates: the poms alone, built without sources, resolve
#    every dependency and plugin the real build needs. -Dmarquee.image leaves test-support out of the services
#    (their profile real-infrastructure-tests), so -am builds shared-model and service-support only, never the
#    launcher nor the Kafka broker and Cassandra server runtimes (~110 MB) that the tests start.
COPY mvnw ./
COPY .mvn/ .mvn/
COPY pom.xml ./
COPY shared-model/pom.xml shared-model/
COPY sample-content/pom.xml sample-content/
COPY service-support/pom.xml service-support/
COPY local-infra/kafka-runtime/pom.xml local-infra/kafka-runtime/
COPY local-infra/cassandra-runtime/pom.xml local-infra/cassandra-runtime/
COPY local-infra/launcher/pom.xml local-infra/launcher/
COPY test-support/pom.xml test-support/
COPY ingestion-service/pom.xml ingestion-service/
COPY data-consumer/pom.xml data-consumer/
COPY hollow-producer/pom.xml hollow-producer/
COPY page-construction/pom.xml page-construction/
COPY end-to-end-tests/pom.xml end-to-end-tests/
COPY bench/pom.xml bench/
RUN ./mvnw -B -q -Dmarquee.image -Dmaven.test.skip=true -Dspring-boot.repackage.skip=true \
	-pl "${MODULE}" -am package

# 2. The service's own modules from source, then Boot's layered extraction: dependencies, loader, snapshot
#    dependencies and application become separate image layers, so a code change ships only the last one.
COPY shared-model/src/ shared-model/src/
COPY service-support/src/ service-support/src/
COPY ${MODULE}/src/ ${MODULE}/src/
RUN ./mvnw -B -q -Dmarquee.image -Dmaven.test.skip=true -pl "${MODULE}" -am package \
	&& cp "${MODULE}/target/${MODULE}-0.1.0-SNAPSHOT.jar" app.jar \
	&& java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --home-dir /var/lib/marquee marquee && mkdir -p /var/lib/marquee && chown marquee /var/lib/marquee
ENV MARQUEE_HOME=/var/lib/marquee
WORKDIR /app
COPY --from=build /src/extracted/dependencies/ ./
COPY --from=build /src/extracted/spring-boot-loader/ ./
COPY --from=build /src/extracted/snapshot-dependencies/ ./
COPY --from=build /src/extracted/application/ ./
USER marquee
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=70", "org.springframework.boot.loader.launch.JarLauncher"]
