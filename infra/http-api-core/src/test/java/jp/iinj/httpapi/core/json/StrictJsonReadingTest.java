package jp.iinj.httpapi.core.json;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictJsonReadingTest {

    enum Size { SMALL, LARGE }

    record Registration(String name, int employees, double capital, boolean startUp, List<String> keywords, Size size) {
    }

    private final JsonMapper strict = StrictJsonReading.strict(JsonMapper.builder().build());

    @Test
    void readsAWellTypedBody() {
        Registration read = strict.readValue(
                "{\"name\":\"A\",\"employees\":12,\"capital\":1.5,\"startUp\":true,\"keywords\":[\"IoT\"],\"size\":\"LARGE\"}",
                Registration.class);

        assertThat(read).isEqualTo(new Registration("A", 12, 1.5, true, List.of("IoT"), Size.LARGE));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"name\":\"A\",\"role\":\"ADMIN\"}",              // unknown property (mass assignment)
            "{\"name\":\"A\",\"name\":\"B\"}",                   // duplicate key
            "{\"name\":123}",                                    // number for a string
            "{\"employees\":\"12\"}",                            // string for an int
            "{\"employees\":1.5}",                               // fraction for an int
            "{\"capital\":\"1.5\"}",                             // string for a number
            "{\"startUp\":\"true\"}",                            // string for a boolean
            "{\"keywords\":\"IoT\"}",                            // string for a list
            "{\"size\":1}",                                    // an enum constant's position for its name
            "{\"size\":\"1\"}",
            "{\"name\":\"A\"} {\"name\":\"B\"}",                 // trailing data
            "{\"employees\":null}"})                             // null for a primitive
    void refusesWhatWouldOtherwiseBeGuessedAt(String body) {
        assertThatThrownBy(() -> strict.readValue(body, Registration.class)).isInstanceOf(JacksonException.class);
    }
}
