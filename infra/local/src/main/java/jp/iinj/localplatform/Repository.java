package jp.iinj.localplatform;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout the services were built in. */
record Repository(Path root) {

    /** Walks up from {@code start}: Maven runs the launcher in infra/local, an IDE usually in the root. */
    static Repository locate(Path start) {
        for (Path candidate = start.toAbsolutePath().normalize(); candidate != null; candidate = candidate.getParent()) {
            if (Files.isDirectory(candidate.resolve("services")) && Files.isRegularFile(candidate.resolve("pom.xml"))) {
                return new Repository(candidate);
            }
        }
        throw new StartupFailure("No repository root (a directory with services/ and pom.xml) above " + start.toAbsolutePath());
    }

    Path jarOf(ServiceSpec service) {
        return root.resolve("services").resolve(service.name()).resolve("target").resolve(service.name() + ".jar");
    }
}
