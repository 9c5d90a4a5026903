package jp.iinj.localplatform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataSharingTest {

    @TempDir
    Path target;

    @Test
    void aNewBuildOrOtherJvmOptionsNeedANewArchive() throws IOException {
        Path jar = Files.writeString(target.resolve("gateway.jar"), "build 1");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000));
        List<String> options = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1");
        ClassDataSharing first = ClassDataSharing.of("gateway", jar, options);

        assertThat(first.extractedJar()).isEqualTo(target.resolve("gateway-cds").resolve("7-1000").resolve("gateway.jar"));
        assertThat(first.archive()).isEmpty();
        Path written = first.temporaryArchive();
        Files.createDirectories(written.getParent());
        Files.writeString(written, "archive");
        assertThat(first.finishTraining(written, true)).isTrue();
        assertThat(ClassDataSharing.of("gateway", jar, options).archive()).isPresent();

        // other JVM options: the archive would not match them
        assertThat(ClassDataSharing.of("gateway", jar, List.of("-Xmx1g")).archive()).isEmpty();
        // rebuilt: other size or time
        Files.writeString(jar, "build 2");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(2_000));
        assertThat(ClassDataSharing.of("gateway", jar, options).archive()).isEmpty();
    }

    @Test
    void aFailedTrainingRunIsRememberedForItsBuild() throws IOException {
        Path jar = Files.writeString(target.resolve("identity.jar"), "build");
        ClassDataSharing cds = ClassDataSharing.of("identity", jar, List.of());
        Path written = cds.temporaryArchive();
        Files.createDirectories(written.getParent());

        assertThat(cds.finishTraining(written, true)).isFalse();
        assertThat(cds.trainingFailedBefore()).isTrue();
        assertThat(cds.archive()).isEmpty();
    }
}
