package jp.iinj.identity.signinthrottle;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class SignInAttemptTest {

    @Test
    void aFormLoginIsCountedForItsAddressAndTheNormalisedEmail() {
        MockHttpServletRequest request = post("/login");
        request.setParameter("username", "  Yamada@Example.JP ");

        assertThat(SignInAttempt.of(request)).contains(
                new SignInAttempt("192.0.2.7", Optional.of("yamada@example.jp"), Optional.empty()));
    }

    @Test
    void aClientPresentingASecretIsCountedByItsIdEitherWay() {
        MockHttpServletRequest basic = post("/oauth2/token");
        basic.addHeader("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString("rb%2Dkanto:secret".getBytes(StandardCharsets.UTF_8)));
        MockHttpServletRequest form = post("/oauth2/token");
        form.setParameter("client_id", "rb-kanto");
        form.setParameter("client_secret", "secret");

        assertThat(SignInAttempt.of(basic).flatMap(SignInAttempt::client)).contains("rb-kanto");
        assertThat(SignInAttempt.of(form).flatMap(SignInAttempt::client)).contains("rb-kanto");
    }

    @Test
    void aPublicClientsCodeExchangeIsCountedByAddressOnlySoNobodyCanBlockThePortalsClient() {
        MockHttpServletRequest exchange = post("/oauth2/token");
        exchange.setParameter("client_id", "iinj-portal");
        exchange.setParameter("code_verifier", "verifier");

        SignInAttempt attempt = SignInAttempt.of(exchange).orElseThrow();

        assertThat(attempt.client()).isEmpty();
        assertThat(attempt.keys()).extracting(ThrottledKey::kind).containsExactly(ThrottledKey.Kind.ADDRESS);
    }

    @Test
    void otherRequestsAreNoSignInAttempts() {
        MockHttpServletRequest page = post("/login");
        page.setMethod("GET");

        assertThat(SignInAttempt.of(page)).isEmpty();
        assertThat(SignInAttempt.of(post("/api/identity/password-resets"))).isEmpty();
        assertThat(SignInAttempt.of(post("/oauth2/jwks"))).isEmpty();
    }

    @Test
    void theStoreSeesDigestsNotAddressesOrEmails() {
        ThrottledKey account = new ThrottledKey(ThrottledKey.Kind.ACCOUNT, "yamada@example.jp");

        assertThat(account.digest()).hasSize(64).doesNotContain("yamada")
                .isNotEqualTo(new ThrottledKey(ThrottledKey.Kind.CLIENT, "yamada@example.jp").digest());
    }

    private static MockHttpServletRequest post(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setRemoteAddr("192.0.2.7");
        return request;
    }
}
