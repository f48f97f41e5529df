# The mtan command in an image: what the README's Kubernetes example runs.
#   docker build -t your-registry/mtan4j:latest .
# Maven builds cli/target (the tests run in CI, not here) for the machine that builds: an arm64 host makes an
# arm64 image (the build picks PyTorch's library by os.arch); `docker buildx build --platform linux/amd64,linux/arm64`
# makes both. The image runs `mtan`: the launcher, with the recommended JVM settings.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -ntp -q package -DskipTests

FROM eclipse-temurin:17-jre
COPY --from=build /src/cli/target/mtan /src/cli/target/mtan.jar /opt/mtan4j/
COPY --from=build /src/cli/target/lib /opt/mtan4j/lib
# DJL unpacks PyTorch's library (about 450 MB) on the first start: done once here, not in every pod.
ENV DJL_CACHE_DIR=/opt/djl \
    PATH=/opt/mtan4j:$PATH
RUN mtan doctor > /dev/null && chmod -R a+rX /opt/djl /opt/mtan4j
WORKDIR /work
ENTRYPOINT ["mtan"]
CMD ["--help"]
