package jp.iinj.identity.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jp.iinj.identity.mail.FileMailSender;

import static org.awaitility.Awaitility.await;

/** Reads what {@link FileMailSender} wrote, as a person opening the files would. */
public final class MailBox {

    private static final Pattern TOKEN = Pattern.compile("^Token: (\\S+)$", Pattern.MULTILINE);

    private final Path directory;

    public MailBox(FileMailSender sender) {
        this.directory = sender.directory();
    }

    /** Every message to this address, oldest first. */
    public List<String> messagesTo(String email) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted()
                    .map(MailBox::read)
                    .filter(text -> text.startsWith("To: " + email + "\n"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the {@code n}-th message (1-based) to this address and returns it. */
    public String awaitMessage(String email, int n) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> messagesTo(email), messages -> messages.size() >= n)
                .get(n - 1);
    }

    /** The token of the latest message to this address. */
    public String latestToken(String email) {
        List<String> messages = messagesTo(email);
        if (messages.isEmpty()) {
            throw new AssertionError("no mail to " + email + " in " + directory);
        }
        return tokenIn(messages.get(messages.size() - 1));
    }

    public static String tokenIn(String message) {
        Matcher matcher = TOKEN.matcher(message);
        if (!matcher.find()) {
            throw new AssertionError("no token in mail:\n" + message);
        }
        return matcher.group(1);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
