package jp.iinj.testing.mail;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The identity service's local mail outbox (one text file per message: {@code To:}, {@code Subject:}, a blank line,
 * the text, ending with {@code Token: <token>} and a newline), read as a person opening the files would.
 */
public final class MailBox {

    public static final String SET_PASSWORD = "IINJ platform: set your password";
    public static final String INVITATION = "IINJ platform: you are invited";

    /** Events travel through Kafka first (registration, approval): generous for a cold consumer group on 2 cores. */
    private static final Duration MAIL_TIMEOUT = Duration.ofSeconds(60);
    /** The whole line, newline included: a file being written is not read half. */
    private static final Pattern TOKEN = Pattern.compile("^Token: (\\S+)\\n", Pattern.MULTILINE);

    private final Path directory;

    public MailBox(Path directory) {
        this.directory = directory;
    }

    /** Messages to this address, oldest first (file names start with the time they were written). */
    public List<String> messagesTo(String email) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().map(MailBox::read).filter(text -> text.startsWith("To: " + email + "\n")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the {@code n}-th message (1-based) to this address, written to its end, and returns it. */
    public String awaitMessage(String email, int n) {
        return await("mail number " + n + " to " + email + " in " + directory)
                .atMost(MAIL_TIMEOUT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> messagesTo(email), messages -> messages.size() >= n && messages.get(n - 1).endsWith("\n"))
                .get(n - 1);
    }

    /** Waits for a message to {@code email} with this subject and returns its token. */
    public String awaitToken(String email, String subject) {
        return await("a mail \"" + subject + "\" to " + email + " in " + directory)
                .atMost(MAIL_TIMEOUT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> latestToken(email, subject), Optional::isPresent)
                .orElseThrow();
    }

    /** The token in a message. */
    public static String tokenIn(String message) {
        Matcher token = TOKEN.matcher(message);
        if (!token.find()) {
            throw new AssertionError("no token in mail:\n" + message);
        }
        return token.group(1);
    }

    private Optional<String> latestToken(String email, String subject) {
        List<String> messages = messagesTo(email).stream()
                .filter(text -> text.contains("\nSubject: " + subject + "\n"))
                .toList();
        if (messages.isEmpty()) {
            return Optional.empty();
        }
        Matcher token = TOKEN.matcher(messages.get(messages.size() - 1));
        return token.find() ? Optional.of(token.group(1)) : Optional.empty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
