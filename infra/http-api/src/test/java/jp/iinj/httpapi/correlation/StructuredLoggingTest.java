package jp.iinj.httpapi.correlation;

import jp.iinj.httpapi.testapp.HttpApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** What services get with {@code logging.structured.format.console=ecs}: the correlation id as a log field. */
@HttpApiTest
@ExtendWith(OutputCaptureExtension.class)
class StructuredLoggingTest {

    @Autowired
    WebTestClient client;

    @Test
    void logLinesOfARequestCarryItsCorrelationId(CapturedOutput output) {
        client.get().uri("/test/correlation").header("X-Correlation-Id", "ecs-probe-1").exchange().expectStatus().isOk();

        assertThat(output.getOut().lines().filter(line -> line.contains("serving correlation probe")))
                .singleElement().asString()
                .startsWith("{")
                .contains("\"correlationId\":\"ecs-probe-1\"");
    }

    @Test
    void errorLogOfAFailureOutsideTheDispatcherCarriesTheCorrelationId(CapturedOutput output) {
        client.get().uri("/test/filter-failure").header("X-Correlation-Id", "ecs-probe-2").exchange()
                .expectStatus().is5xxServerError();

        assertThat(output.getOut().lines().filter(line -> line.contains("\"level\":\"ERROR\"")))
                .anySatisfy(line -> assertThat(line).contains("\"correlationId\":\"ecs-probe-2\"", "/test/filter-failure"));
    }
}
