package jp.iinj.identity.mail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class FileMailSenderTest {

    @TempDir
    Path directory;

    @Test
    void oneUtf8FilePerMessageThatAPersonCanRead() throws Exception {
        FileMailSender sender = new FileMailSender(directory.resolve("mail"), Clock.systemUTC());

        sender.send(new OutgoingMail("tanaka@example.jp", "件名\r\nBcc: injected", "本文です。"));
        sender.send(new OutgoingMail("../../etc/passwd", "second", "text"));

        List<Path> files;
        try (var list = Files.list(directory.resolve("mail"))) {
            files = list.sorted().toList();
        }
        assertThat(files).hasSize(2);
        assertThat(files).allSatisfy(file -> assertThat(file.getParent()).isEqualTo(directory.resolve("mail")));
        String first = Files.readString(files.stream().filter(f -> f.getFileName().toString().contains("tanaka"))
                .findFirst().orElseThrow(), StandardCharsets.UTF_8);
        assertThat(first).isEqualTo("To: tanaka@example.jp\nSubject: 件名 Bcc: injected\n\n本文です。\n");
    }
}
