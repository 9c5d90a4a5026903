package jp.iinj.contracts.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;

import org.junit.jupiter.api.Test;

class TechnicalGlossaryTest {

    @Test
    void theShippedGlossaryLoadsAndEveryBroaderConceptExists() {
        TechnicalGlossary glossary = TechnicalGlossary.current();

        assertThat(glossary.concepts()).isNotEmpty();
        assertThat(glossary.concept("precision-machining")).hasValueSatisfying(concept -> {
            assertThat(concept.japanese()).contains("精密切削");
            assertThat(concept.broader()).isEqualTo("machining");
        });
    }

    @Test
    void variantsAreSplitOnBarsAndTrimmed() {
        TechnicalGlossary glossary = TechnicalGlossary.parse(new StringReader("""
                concept,field,broader,ja,en
                deburring,metal-processing,, バリ取り | デバリング ,deburring|burr removal
                """), "test");

        assertThat(glossary.concept("deburring").orElseThrow().japanese()).containsExactly("バリ取り", "デバリング");
        assertThat(glossary.concept("deburring").orElseThrow().technologyField()).isEqualTo("metal-processing");
    }

    @Test
    void refusesUnknownFieldsDuplicatesAndDanglingBroaderConcepts() {
        assertThatThrownBy(() -> TechnicalGlossary.parse(new StringReader(
                "concept,field,broader,ja,en\nx,no-such-field,,語,word\n"), "test"))
                .hasMessageContaining("unknown technology field");
        assertThatThrownBy(() -> TechnicalGlossary.parse(new StringReader(
                "concept,field,broader,ja,en\nx,,,語,word\nx,,,語,word\n"), "test"))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> TechnicalGlossary.parse(new StringReader(
                "concept,field,broader,ja,en\nx,,missing,語,word\n"), "test"))
                .hasMessageContaining("unknown broader");
    }
}
