package jp.iinj.businessmatching.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.tokenattributes.BaseFormAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import jp.iinj.contracts.matching.TechnicalGlossary;

/**
 * Finds the glossary's concepts in a text, whatever words and script it uses. Japanese words are found as
 * substrings of the text normalised the same way (NFKC, lower case, katakana for hiragana, no long-vowel marks or
 * spaces): Japanese has no spaces to split on. A word in kana alone (ネジ, さび) must also begin and end where
 * Kuromoji's words do, or it would be found inside longer words (ネジ in マネジメント, サビ in サービス). English words
 * are found as sequences of stemmed English terms, so "machining" and "machined parts" both say machining. Built once
 * per glossary; thread-safe.
 */
final class ConceptMatcher {

    private final Node japanese = new Node();
    private final Map<String, Node> englishRoots = new HashMap<>();
    private final Analyzer english = ProfileAnalyzers.english();
    /** Kuromoji's words alone (search mode: compounds split), for where words begin and end. */
    private final Analyzer kuromoji = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new JapaneseTokenizer(null, false, JapaneseTokenizer.Mode.SEARCH);
            return new TokenStreamComponents(tokenizer);
        }
    };
    private final Map<String, String> broader = new HashMap<>();
    private final Map<String, String> labels = new HashMap<>();
    private final java.util.Set<String> categories = new java.util.HashSet<>();

    ConceptMatcher(TechnicalGlossary glossary) {
        for (TechnicalGlossary.Concept concept : glossary.concepts()) {
            if (concept.broader() != null) {
                broader.put(concept.id(), concept.broader());
                categories.add(concept.broader());
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
        String folded = folded(text);
        StringBuilder normalised = new StringBuilder(folded.length());
        int[] origin = new int[folded.length()];
        for (int i = 0; i < folded.length(); i++) {
            char c = normalisedChar(folded.charAt(i));
            if (c != 0) {
                origin[normalised.length()] = i;
                normalised.append(c);
            }
        }
        Words words = words(folded);
        scan(normalised, found, (start, end) -> {
            // what normalising left out (a long-vowel mark, a space) may lie on either side
            int startFrom = start == 0 ? 0 : origin[start - 1] + 1;
            int endTo = end < normalised.length() ? origin[end] : folded.length();
            return words.isWord(startFrom, origin[start], origin[end - 1] + 1, endTo);
        });
        // the same text in base forms, so that 鮮度を保ちたい says 鮮度を保つ
        scan(words.baseForms(), found, words::isBaseFormWord);
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

    /** Whether other concepts name this one as their broader: a category rather than one specific idea. */
    boolean isCategory(String concept) {
        return categories.contains(concept);
    }

    /** The broader concept, if the glossary names one. */
    String broaderOf(String concept) {
        return broader.get(concept);
    }

    /** How a person reads the concept: its first English and first Japanese word. */
    String label(String concept) {
        return labels.getOrDefault(concept, concept);
    }

    /** Full- and half-width forms folded (ＡＩ is ai, ﾛﾎﾞｯﾄ is ロボット), lower case. */
    private static String folded(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    static String normalised(String text) {
        String folded = folded(text);
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = normalisedChar(folded.charAt(i));
            if (c != 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Katakana for hiragana; 0 for what is left out (long-vowel marks, middle dots, spaces). */
    private static char normalisedChar(char c) {
        if (c >= 'ぁ' && c <= 'ゖ') {
            return (char) (c + ('ァ' - 'ぁ'));
        }
        return c == 'ー' || c == '・' || Character.isWhitespace(c) ? 0 : c;
    }

    /** Finds the glossary's Japanese words in a normalised text; a kana-only word only where {@code isWord} agrees. */
    private void scan(CharSequence normalised, Map<String, String> found, WordTest isWord) {
        for (int start = 0; start < normalised.length(); start++) {
            Node node = japanese;
            for (int i = start; i < normalised.length(); i++) {
                node = node.next.get(normalised.charAt(i));
                if (node == null) {
                    break;
                }
                if (node.concept != null && !found.containsKey(node.concept)
                        && (!node.kanaOnly || isWord.test(start, i + 1))) {
                    found.put(node.concept, node.word);
                }
            }
        }
    }

    private interface WordTest {
        boolean test(int start, int end);
    }

    /** Kuromoji's reading of a folded text: where its words begin and end, and the text in base forms. */
    private Words words(String folded) {
        BitSet starts = new BitSet(folded.length() + 1);
        BitSet ends = new BitSet(folded.length() + 1);
        StringBuilder baseForms = new StringBuilder(folded.length());
        BitSet baseStarts = new BitSet();
        BitSet baseEnds = new BitSet();
        try (TokenStream stream = kuromoji.tokenStream("words", folded)) {
            OffsetAttribute offsets = stream.addAttribute(OffsetAttribute.class);
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            BaseFormAttribute baseForm = stream.addAttribute(BaseFormAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                starts.set(offsets.startOffset());
                ends.set(offsets.endOffset());
                String word = baseForm.getBaseForm() != null ? baseForm.getBaseForm() : term.toString();
                int before = baseForms.length();
                for (int i = 0; i < word.length(); i++) {
                    char c = normalisedChar(word.charAt(i));
                    if (c != 0) {
                        baseForms.append(c);
                    }
                }
                if (baseForms.length() > before) {
                    baseStarts.set(before);
                    baseEnds.set(baseForms.length());
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Words(starts, ends, baseForms.toString(), baseStarts, baseEnds);
    }

    private record Words(BitSet starts, BitSet ends, String baseForms, BitSet baseStarts, BitSet baseEnds) {

        /** Whether a word of the folded text begins in [startFrom, startTo] and ends in [endFrom, endTo]. */
        boolean isWord(int startFrom, int startTo, int endFrom, int endTo) {
            int start = starts.nextSetBit(startFrom);
            int end = ends.nextSetBit(endFrom);
            return start >= 0 && start <= startTo && end >= 0 && end <= endTo;
        }

        boolean isBaseFormWord(int start, int end) {
            return baseStarts.get(start) && baseEnds.get(end);
        }
    }

    private void addJapanese(String word, String concept) {
        addJapaneseKey(normalised(word), word, concept);
        String baseForms = words(folded(word)).baseForms();
        if (baseForms.chars().anyMatch(c -> !(c >= 'ァ' && c <= 'ヺ'))) {
            addJapaneseKey(baseForms, word, concept); // a kana phrase's base form is found as its surface is
        }
    }

    private void addJapaneseKey(String key, String word, String concept) {
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
            node.kanaOnly = key.chars().allMatch(c -> c >= 'ァ' && c <= 'ヺ');
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
        boolean kanaOnly;
    }
}
