package jp.iinj.businessmatching.engine;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseBaseFormFilter;
import org.apache.lucene.analysis.ja.JapaneseKatakanaStemFilter;
import org.apache.lucene.analysis.ja.JapanesePartOfSpeechStopFilter;
import org.apache.lucene.analysis.ja.JapaneseReadingFormFilter;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * How profile text becomes terms, one field per way of reading it:
 * <ul>
 *   <li>{@link #JAPANESE}: Kuromoji in search mode (long compounds split, the whole kept too), base forms, particles
 *       and stop words dropped, katakana long-vowel stems;</li>
 *   <li>{@link #BIGRAMS}: overlapping CJK bigrams, for words the dictionary does not know;</li>
 *   <li>{@link #READINGS}: Kuromoji's katakana readings, so 螺子, ねじ and ネジ are one term;</li>
 *   <li>{@link #ENGLISH}: Lucene's English analysis (possessives, stop words, Porter stems), Latin words only.</li>
 * </ul>
 * Full-width Latin and half-width katakana are folded first everywhere (ＡＩ is AI, ﾛﾎﾞｯﾄ is ロボット).
 */
final class ProfileAnalyzers {

    static final String JAPANESE = "ja";
    static final String BIGRAMS = "bigram";
    static final String READINGS = "reading";
    static final String ENGLISH = "en";
    static final List<String> TEXT_FIELDS = List.of(JAPANESE, BIGRAMS, READINGS, ENGLISH);

    private ProfileAnalyzers() {
    }

    /** The analyzer of the index: each text field with its own chain; other fields are not analyzed. */
    /**
     * The analyser of each text field, also under a prefix ({@code <side>.ja} is analysed as {@code ja}): the engine
     * keeps offers' and requests' texts in fields of their own.
     */
    static Analyzer perField() {
        Map<String, Analyzer> byField = Map.of(JAPANESE, japanese(false), BIGRAMS, bigrams(), READINGS, japanese(true),
                ENGLISH, english());
        Analyzer keyword = new org.apache.lucene.analysis.core.KeywordAnalyzer();
        return new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String field) {
                return byField.getOrDefault(field.substring(field.lastIndexOf('.') + 1), keyword);
            }
        };
    }

    static Analyzer japanese(boolean readings) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new JapaneseTokenizer(null, true, JapaneseTokenizer.Mode.SEARCH);
                TokenStream stream = new JapaneseBaseFormFilter(tokenizer);
                stream = new JapanesePartOfSpeechStopFilter(stream, JapaneseAnalyzer.getDefaultStopTags());
                stream = new StopFilter(stream, JapaneseAnalyzer.getDefaultStopSet());
                if (readings) {
                    stream = new JapaneseReadingFormFilter(stream, false);
                }
                // Latin words are the English field's
                stream = new OnlyCjk(stream);
                stream = new JapaneseKatakanaStemFilter(stream);
                stream = new LowerCaseFilter(stream);
                return new TokenStreamComponents(tokenizer, stream);
            }

            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return new CJKWidthCharFilter(reader);
            }
        };
    }

    static Analyzer bigrams() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = new LowerCaseFilter(tokenizer);
                stream = new CJKBigramFilter(stream);
                stream = new OnlyCjk(stream);
                return new TokenStreamComponents(tokenizer, stream);
            }

            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return new CJKWidthCharFilter(reader);
            }
        };
    }

    static Analyzer english() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = new EnglishPossessiveFilter(tokenizer);
                stream = new LowerCaseFilter(stream);
                stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                stream = new OnlyLatin(stream);
                stream = new PorterStemFilter(stream);
                return new TokenStreamComponents(tokenizer, stream);
            }

            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return new CJKWidthCharFilter(reader);
            }
        };
    }

    /** The terms an analyzer makes of a text, in order, repeats included. */
    static List<String> terms(Analyzer analyzer, String field, String text) {
        return analysed(analyzer, field, text).terms();
    }

    /**
     * A field's terms, and its length as BM25 counts it: tokens at a position of their own (Kuromoji's search mode
     * puts a compound's parts at the compound's position; those do not make a text longer).
     */
    record FieldTerms(List<String> terms, int length) {
    }

    static FieldTerms analysed(Analyzer analyzer, String field, String text) {
        List<String> terms = new ArrayList<>();
        int length = 0;
        try (TokenStream stream = analyzer.tokenStream(field, new StringReader(text))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute position = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
                if (position.getPositionIncrement() != 0) {
                    length++;
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FieldTerms(terms, length);
    }

    static boolean cjk(char c) {
        Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
        return block == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS || block == Character.UnicodeBlock.HIRAGANA
                || block == Character.UnicodeBlock.KATAKANA
                || block == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_EXTENSION_A;
    }

    /** Keeps tokens with Japanese script: the English field has the Latin ones. */
    private static final class OnlyCjk extends FilteringTokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        OnlyCjk(TokenStream input) {
            super(input);
        }

        @Override
        protected boolean accept() {
            for (int i = 0; i < term.length(); i++) {
                if (cjk(term.charAt(i))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Keeps tokens without Japanese script (Latin words, numbers with letters). */
    private static final class OnlyLatin extends FilteringTokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        OnlyLatin(TokenStream input) {
            super(input);
        }

        @Override
        protected boolean accept() {
            boolean letter = false;
            for (int i = 0; i < term.length(); i++) {
                char c = term.charAt(i);
                if (cjk(c) || c >= 0x3000) {
                    return false;
                }
                letter |= Character.isLetter(c);
            }
            return letter;
        }
    }
}
