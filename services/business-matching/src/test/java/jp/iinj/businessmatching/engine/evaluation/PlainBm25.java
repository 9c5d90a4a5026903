package jp.iinj.businessmatching.engine.evaluation;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

import jp.iinj.businessmatching.engine.LocalizedText;
import jp.iinj.businessmatching.engine.MatchableProfile;

/**
 * The baseline: plain BM25 on the text alone, with Lucene's stock Japanese (Kuromoji, search mode) and English
 * analysers; every word of one profile's text queried against the counterparts' texts. No glossary, no readings, no
 * bigrams, no structured factors.
 */
final class PlainBm25 {

    private final Analyzer analyzer = new PerFieldAnalyzerWrapper(new JapaneseAnalyzer(),
            Map.of("ja", new JapaneseAnalyzer(), "en", new EnglishAnalyzer()));
    private final IndexSearcher searcher;

    PlainBm25(List<MatchableProfile> profiles) {
        try {
            ByteBuffersDirectory directory = new ByteBuffersDirectory();
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
                for (MatchableProfile profile : profiles) {
                    Document doc = new Document();
                    doc.add(new StringField("id", profile.id(), Field.Store.YES));
                    doc.add(new StringField("type", profile.type().name(), Field.Store.NO));
                    doc.add(new TextField("ja", text(profile), Field.Store.NO));
                    doc.add(new TextField("en", text(profile), Field.Store.NO));
                    writer.addDocument(doc);
                }
            }
            searcher = new IndexSearcher(DirectoryReader.open(directory));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The counterparts' ids, best first. */
    List<String> rank(MatchableProfile profile) {
        try {
            BooleanQuery.Builder words = new BooleanQuery.Builder();
            int clauses = 0;
            for (String field : List.of("ja", "en")) {
                for (String term : terms(field, text(profile))) {
                    if (clauses++ < 1000) {
                        words.add(new TermQuery(new Term(field, term)), BooleanClause.Occur.SHOULD);
                    }
                }
            }
            BooleanQuery query = new BooleanQuery.Builder()
                    .add(words.build(), BooleanClause.Occur.MUST)
                    .add(new TermInSetQuery("type", profile.type().counterparts().stream()
                            .map(type -> new BytesRef(type.name())).toList()), BooleanClause.Occur.FILTER)
                    .build();
            List<String> ranked = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(query, 1000).scoreDocs) {
                ranked.add(searcher.storedFields().document(hit.doc).get("id"));
            }
            return ranked;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Set<String> terms(String field, String text) throws IOException {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream(field, new StringReader(text))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }

    private static String text(MatchableProfile profile) {
        StringBuilder text = new StringBuilder();
        for (LocalizedText part : new LocalizedText[] {profile.title(), profile.summary(), profile.description(),
                profile.advantagesOrSpecification()}) {
            if (part != null) {
                text.append(part.ja() == null ? "" : part.ja()).append('\n')
                        .append(part.en() == null ? "" : part.en()).append('\n');
            }
        }
        profile.keywords().forEach(keyword -> text.append(keyword).append('\n'));
        return text.toString();
    }
}
