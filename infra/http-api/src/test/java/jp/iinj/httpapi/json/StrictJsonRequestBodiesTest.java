package jp.iinj.httpapi.json;

import jp.iinj.httpapi.core.json.StrictJsonReading;
import jp.iinj.httpapi.testapp.HttpApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;

/** Request bodies are read strictly (see ProblemResponsesTest); everything else keeps reading tolerantly. */
@HttpApiTest
class StrictJsonRequestBodiesTest {

    record Member(String name, int employees) {
    }

    @Autowired
    JsonMapper applicationMapper;

    @Test
    void applicationMapperStaysTolerant() {
        Member member = applicationMapper.readValue("{\"name\": \"A\", \"employees\": \"12\", \"addedLater\": 1}", Member.class);

        assertThat(member).isEqualTo(new Member("A", 12));
    }

    @Test
    void strictCopyKeepsTheApplicationMappersConfiguration() {
        JsonMapper strict = StrictJsonReading.strict(applicationMapper);
        ProblemDetail problem = ProblemDetail.forStatus(400);
        problem.setProperty("correlationId", "c-1");

        // Boot's ProblemDetail mix-in survives the copy: properties stay top-level members
        assertThat(strict.writeValueAsString(problem))
                .isEqualTo(applicationMapper.writeValueAsString(problem))
                .contains("\"correlationId\":\"c-1\"");
    }
}
