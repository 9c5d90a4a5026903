package jp.iinj.contracts.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import jp.iinj.contracts.membership.TechnologyFieldVocabulary;

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

    @Test
    void everyTechnologyFieldHasItsOwnConceptsAndPartneringHasCrossFieldOnes() {
        TechnicalGlossary glossary = TechnicalGlossary.current();
        Map<String, Long> perField = glossary.concepts().stream()
                .collect(Collectors.groupingBy(concept -> concept.technologyField() == null ? "(cross-field)"
                        : concept.technologyField(), TreeMap::new, Collectors.counting()));

        for (TechnologyFieldVocabulary.TechnologyField field : TechnologyFieldVocabulary.current().all()) {
            assertThat(perField.getOrDefault(field.id(), 0L)).as("concepts of field %s", field.id())
                    .isGreaterThanOrEqualTo(30);
        }
        assertThat(perField.getOrDefault("(cross-field)", 0L)).isGreaterThanOrEqualTo(50);
        assertThat(glossary.concepts()).hasSizeGreaterThanOrEqualTo(800);
    }

    @Test
    void everyConceptHasJapaneseAndEnglishWords() {
        assertThat(TechnicalGlossary.current().concepts())
                .allSatisfy(concept -> {
                    assertThat(concept.japanese()).as("Japanese words of %s", concept.id()).isNotEmpty();
                    assertThat(concept.english()).as("English words of %s", concept.id()).isNotEmpty();
                });
    }

    /** A word of two concepts is ambiguous to matching; so is one that differs only in width, case, space or hyphen. */
    @Test
    void noWordBelongsToTwoConcepts() {
        Map<String, Set<String>> owners = new TreeMap<>();
        for (TechnicalGlossary.Concept concept : TechnicalGlossary.current().concepts()) {
            Stream.concat(concept.japanese().stream(), concept.english().stream())
                    .map(TechnicalGlossaryTest::folded)
                    .forEach(word -> owners.computeIfAbsent(word, w -> new TreeSet<>()).add(concept.id()));
        }

        Map<String, Set<String>> shared = owners.entrySet().stream().filter(entry -> entry.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(shared).isEmpty();
    }

    @Test
    void broaderChainsEndWithoutLooping() {
        TechnicalGlossary glossary = TechnicalGlossary.current();
        Map<String, TechnicalGlossary.Concept> byId = glossary.concepts().stream()
                .collect(Collectors.toMap(TechnicalGlossary.Concept::id, Function.identity()));
        for (TechnicalGlossary.Concept concept : glossary.concepts()) {
            Set<String> seen = new HashSet<>();
            List<String> chain = new ArrayList<>();
            for (String id = concept.id(); id != null; id = byId.get(id).broader()) {
                chain.add(id);
                assertThat(seen.add(id)).as("broader chain %s", chain).isTrue();
            }
        }
    }

    private static String folded(String word) {
        return Normalizer.normalize(word, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replace(" ", "")
                .replace("-", "");
    }
}
