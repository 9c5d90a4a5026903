package jp.iinj.localplatform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class FirstAdministratorLinkTest {

    @Test
    void identityGetsTheDigestAndExpiryNeverTheToken() {
        Instant now = Instant.parse("2026-12-05T05:00:00Z");
        FirstAdministratorLink link = FirstAdministratorLink.generate(now, Duration.ofMinutes(60));
        String line = link.line("http://localhost:8100");
        Matcher token = Pattern.compile("First administrator: open http://localhost:8100/setup\\?token=([A-Za-z0-9_-]{43})  \\(single use, expires \\d\\d:\\d\\d\\)")
                .matcher(line);
        assertThat(token.matches()).as(line).isTrue();

        assertThat(link.identityEnvironment())
                .containsEntry(FirstAdministratorLink.SHA256_VARIABLE, FirstAdministratorLink.sha256Hex(token.group(1)))
                .containsEntry(FirstAdministratorLink.EXPIRES_AT_VARIABLE, "2026-12-05T06:00:00Z");
        assertThat(link.identityEnvironment().values()).noneMatch(value -> value.contains(token.group(1)));
        assertThat(FirstAdministratorLink.generate(now, Duration.ofMinutes(60)).line("http://localhost:8100")).as("fresh at every start").isNotEqualTo(line);
    }

    @Test
    void noLineWhenIdentityDoesNotAnswerOpen() {
        FirstAdministratorLink link = FirstAdministratorLink.generate(Instant.now(), Duration.ofMinutes(60));
        // nothing listens there: no line, no failure
        assertThat(link.bannerLine("http://localhost:8100", URI.create("http://127.0.0.1:9/api/identity/first-administrator/setup"))).isEmpty();
    }
}
