package jp.iinj.businessmatching.engine;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;

import jp.iinj.contracts.matching.TechnicalGlossary;

/**
 * Finds the glossary's concepts in a text, whatever words and script it uses. Japanese words are found as
 * substrings of the text normalised the same way (NFKC, lower case, katakana for hiragana, no long-vowel marks or
 * spaces): Japanese has no spaces to split on. English words are found as sequences of stemmed English terms, so
 * "machining" and "machined parts" both say machining. Built once per glossary; thread-safe.
 */
final class ConceptMatcher {

    private final Node japanese = new Node();
    private final Map<String, Node> englishRoots = new HashMap<>();
    private final Analyzer english = ProfileAnalyzers.english();
    private final Map<String, String> broader = new HashMap<>();
    private final Map<String, String> labels = new HashMap<>();

    ConceptMatcher(TechnicalGlossary glossary) {
        for (TechnicalGlossary.Concept concept : glossary.concepts()) {
            if (concept.broader() != null) {
                broader.put(concept.id(), concept.broader());
            }
            labels.put(concept.id(), label(concept));
            for (String word : concept.japanese()) {
                if (isLatin(word)) {
                    addEnglish(word, concept.id());
                } else {
                    addJapanese(word, concept.id());
                }
            }
            concept.english().forEach(word -> addEnglish(word, concept.id()));
        }
    }

    /** The concepts a text speaks of, each with the first word that said it. */
    Map<String, String> conceptsIn(String text) {
        Map<String, String> found = new LinkedHashMap<>();
        String normalised = normalised(text);
        for (int start = 0; start < normalised.length(); start++) {
            Node node = japanese;
            for (int i = start; i < normalised.length(); i++) {
                node = node.next.get(normalised.charAt(i));
                if (node == null) {
                    break;
                }
                if (node.concept != null) {
                    found.putIfAbsent(node.concept, node.word);
                }
            }
        }
        List<String> stems = ProfileAnalyzers.terms(english, ProfileAnalyzers.ENGLISH, text);
        for (int start = 0; start < stems.size(); start++) {
            Node node = englishRoots.get(stems.get(start));
            for (int i = start + 1; node != null; i++) {
                if (node.concept != null) {
                    found.putIfAbsent(node.concept, node.word);
                }
                node = i < stems.size() ? node.tokens.get(stems.get(i)) : null;
            }
        }
        return found;
    }

    /** The broader concept, if the glossary names one. */
    String broaderOf(String concept) {
        return broader.get(concept);
    }

    /** How a person reads the concept: its first English and first Japanese word. */
    String label(String concept) {
        return labels.getOrDefault(concept, concept);
    }

    static String normalised(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c >= 'ぁ' && c <= 'ゖ') {
                out.append((char) (c + ('ァ' - 'ぁ')));
            } else if (c != 'ー' && c != '・' && !Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private void addJapanese(String word, String concept) {
        String key = normalised(word);
        if (key.length() < 2) {
            return; // one character says too little and is inside too many words
        }
        Node node = japanese;
        for (int i = 0; i < key.length(); i++) {
            node = node.next.computeIfAbsent(key.charAt(i), c -> new Node());
        }
        if (node.concept == null) {
            node.concept = concept;
            node.word = word;
        }
    }

    private void addEnglish(String word, String concept) {
        List<String> stems = ProfileAnalyzers.terms(english, ProfileAnalyzers.ENGLISH, word);
        if (stems.isEmpty()) {
            return;
        }
        Node node = englishRoots.computeIfAbsent(stems.get(0), s -> new Node());
        for (int i = 1; i < stems.size(); i++) {
            node = node.tokens.computeIfAbsent(stems.get(i), s -> new Node());
        }
        if (node.concept == null) {
            node.concept = concept;
            node.word = word;
        }
    }

    private static boolean isLatin(String word) {
        return word.chars().noneMatch(c -> ProfileAnalyzers.cjk((char) c) || c >= 0x3000);
    }

    private static String label(TechnicalGlossary.Concept concept) {
        String en = concept.english().isEmpty() ? null : concept.english().get(0);
        String ja = concept.japanese().isEmpty() ? null : concept.japanese().get(0);
        if (en != null && ja != null) {
            return en + " / " + ja;
        }
        return en != null ? en : ja;
    }

    /** A trie node: by character for Japanese, by stemmed term for English. */
    private static final class Node {
        final Map<Character, Node> next = new HashMap<>();
        final Map<String, Node> tokens = new HashMap<>();
        String concept;
        String word;
    }
}
