package jp.iinj.identity.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every message as one UTF-8 text file ({@code To:}, {@code Subject:}, a blank line, the text) into a
 * directory, and logs the file's path: what a developer opens instead of a mailbox. Not for production: the files
 * hold one-time tokens.
 */
public class FileMailSender implements MailSender {

    private static final Logger log = LoggerFactory.getLogger(FileMailSender.class);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS").withZone(ZoneOffset.UTC);

    private final Path directory;
    private final Clock clock;

    public FileMailSender(Path directory, Clock clock) {
        this.directory = directory.toAbsolutePath().normalize();
        this.clock = clock;
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void send(OutgoingMail mail) {
        // the recipient in the name helps a person find their message; only file-safe characters are kept
        String recipient = mail.to().replaceAll("[^A-Za-z0-9._@-]", "_");
        if (recipient.length() > 80) {
            recipient = recipient.substring(0, 80);
        }
        Path file = directory.resolve(STAMP.format(clock.instant()) + "-" + recipient + "-"
                + UUID.randomUUID().toString().substring(0, 8) + ".txt");
        String content = "To: " + singleLine(mail.to()) + "\n"
                + "Subject: " + singleLine(mail.subject()) + "\n"
                + "\n"
                + mail.text() + (mail.text().endsWith("\n") ? "" : "\n");
        try {
            Files.createDirectories(directory);
            Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write mail file " + file, e);
        }
        log.info("Mail \"{}\" written to {}", singleLine(mail.subject()), file);
    }

    private static String singleLine(String value) {
        return value.replaceAll("[\\r\\n]+", " ");
    }
}
