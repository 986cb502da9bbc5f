# Built by docker-compose.yml from the jar that `./mvnw -q package -DskipTests` leaves in api/target.
FROM eclipse-temurin:17-jre
RUN useradd --system --home /var/lib/nopesight nopesight && mkdir -p /var/lib/nopesight && chown nopesight /var/lib/nopesight
COPY api/target/nopesight.jar /opt/nopesight/nopesight.jar
USER nopesight
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/nopesight/nopesight.jar"]
