package jp.iinj.businessmatching.engine;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.BytesRef;

import jp.iinj.contracts.matching.ProfileType;
import jp.iinj.contracts.matching.TechnicalGlossary;

/**
 * Matches partnering profiles: Lucene BM25 over four readings of the text ({@link ProfileAnalyzers}) and the
 * glossary's concepts ({@link ConceptMatcher}) find candidates; {@link StructuredFactors} weigh the rest. A proposal's
 * score is text points (at most {@link #TEXT_POINTS}, saturating) plus structured points, and its explanation lists
 * every part, adding up to the score. Explanations are computed for the proposals returned only.
 *
 * <p>The index is a projection: {@link #rebuild} replaces it, {@link #upsert} and {@link #remove} keep it current, and
 * every write is visible to the next query. Thread-safe.
 */
public final class MatchingEngine implements Closeable {

    /** Text and concepts together give at most this many points; structured factors give the rest. */
    static final double TEXT_POINTS = 80;
    /**
     * Text points grow with the share of the profile's own text score that a candidate reaches (BM25 scores depend on
     * the index's size, the share does not): {@code share / (share + this)}, scaled so that a full share gives all
     * the points. At 0.25, a quarter of the own score gives half the points.
     */
    static final double HALF_POINTS_AT_SHARE = 0.25;
    /** Without the profile's own score (it is not indexed), a text score giving half the points. */
    static final double HALF_POINTS_AT_SCORE = 12;
    /** The most distinctive terms of each text field that the candidate query asks for. */
    static final Map<String, Integer> TERMS_PER_FIELD = Map.of(ProfileAnalyzers.JAPANESE, 50,
            ProfileAnalyzers.BIGRAMS, 30, ProfileAnalyzers.READINGS, 20, ProfileAnalyzers.ENGLISH, 50);
    /** Extra hits fetched so that the owner's own other profiles, skipped, do not leave the candidates short. */
    static final int OWN_PROFILES_ROOM = 11;
    private static final Set<String> STORED_FOR_SCORING = Set.of("id", "owner", "facts", "concept_words");

    private static final String ID = "id";
    private static final String ID_SORT = "id_sort";
    private static final String OWNER = "owner";
    private static final String TYPE = "type";
    private static final String CONCEPT = "concept";
    private static final String BROADER = "broader";
    private static final String FIELD = "tfield";
    private static final String BUREAU = "bureau";
    private static final String TARGET = "target";
    private static final String STAGE = "stage";
    private static final String PARTNERSHIP = "partnership";
    private static final String FACTS = "facts";
    private static final String CONCEPT_WORDS = "concept_words";
    private static final Map<String, Float> FIELD_BOOSTS = Map.of(ProfileAnalyzers.JAPANESE, 1.0f,
            ProfileAnalyzers.BIGRAMS, 0.2f, ProfileAnalyzers.READINGS, 0.15f, ProfileAnalyzers.ENGLISH, 1.0f);
    private static final float CONCEPT_BOOST = 1.2f;
    /**
     * A category (materials, food, machinery: a concept others name as broader) says much less about what a profile is
     * about than one specific idea: two offers of one category are often about different things.
     */
    private static final float CATEGORY_BOOST = 0.3f;
    /** How much the weaker reading of the text (words or concepts) adds to the stronger one. */
    private static final float EVIDENCE_TIE = 0.2f;
    private static final float RELATED_CONCEPT_BOOST = 0.8f;
    private static final float FIELD_BOOST = 1.0f;

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ConceptMatcher concepts;
    private final MatchingSettings settings;
    private final org.apache.lucene.analysis.Analyzer analyzer = ProfileAnalyzers.perField();
    private final ExecutorService slicesSearch = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()), runnable -> {
                Thread thread = new Thread(runnable, "matching-search");
                thread.setDaemon(true);
                return thread;
            });

    private MatchingEngine(Directory directory, TechnicalGlossary glossary, MatchingSettings settings,
                           IndexWriterConfig.OpenMode mode) {
        this.directory = directory;
        this.concepts = new ConceptMatcher(glossary);
        this.settings = settings;
        try {
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setOpenMode(mode)
                    .setRAMBufferSizeMB(64);
            this.writer = new IndexWriter(directory, config);
            // a large index's segments are searched side by side, one slice per core: the latency of one query
            // falls with the cores, where one thread would scan every segment in turn
            this.searchers = new SearcherManager(writer, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                    return new IndexSearcher(reader, slicesSearch);
                }
            });
        } catch (IOException e) {
            slicesSearch.shutdown();
            throw new UncheckedIOException(e);
        }
    }

    public static MatchingEngine inMemory(TechnicalGlossary glossary, MatchingSettings settings) {
        return new MatchingEngine(new ByteBuffersDirectory(), glossary, settings, IndexWriterConfig.OpenMode.CREATE);
    }

    /** On disk (memory-mapped, off the heap); what was there is replaced: the index is rebuilt at every start. */
    public static MatchingEngine inDirectory(Path path, TechnicalGlossary glossary, MatchingSettings settings) {
        try {
            Files.createDirectories(path);
            return new MatchingEngine(new MMapDirectory(path), glossary, settings, IndexWriterConfig.OpenMode.CREATE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The index already in this directory, as it is: for benchmarks that measure one large index several times (the
     * service never reopens one; it rebuilds from the store).
     */
    public static MatchingEngine reopened(Path path, TechnicalGlossary glossary, MatchingSettings settings) {
        try {
            return new MatchingEngine(new MMapDirectory(path), glossary, settings, IndexWriterConfig.OpenMode.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void upsert(MatchableProfile profile) {
        write(() -> writer.updateDocument(new Term(ID, profile.id()), document(profile)));
    }

    public void remove(String profileId) {
        write(() -> writer.deleteDocuments(new Term(ID, profileId)));
    }

    /** Replaces the whole index with these profiles. */
    public void rebuild(Iterable<MatchableProfile> all) {
        write(() -> {
            writer.deleteAll();
            for (MatchableProfile profile : all) {
                writer.addDocument(document(profile));
            }
        });
    }

    public int size() {
        return withSearcher(searcher -> searcher.getIndexReader().numDocs());
    }

    /** The best counterparts above the threshold, at most {@code maxProposals}, each with its explanation. */
    public List<Proposal> proposalsFor(MatchableProfile profile) {
        return withSearcher(searcher -> {
            CandidateQuery candidates = candidateQuery(searcher, profile);
            List<Scored> ranked = ranked(searcher, profile, candidates, settings.candidates());
            List<Scored> chosen = ranked.stream().filter(candidate -> candidate.score() >= settings.threshold())
                    .limit(settings.maxProposals()).toList();
            List<Proposal> proposals = new ArrayList<>();
            ClauseWeights weights = chosen.isEmpty() ? null : new ClauseWeights(searcher, candidates.clauses());
            for (Scored candidate : chosen) {
                Explanation explanation = explain(weights, candidates, candidate);
                proposals.add(new Proposal(candidate.id(), explanation.score(), explanation));
            }
            return proposals;
        });
    }

    /**
     * Every counterpart that shares anything with the profile, best first, up to {@code limit}, with scores but no
     * explanations: for measuring the ranking.
     */
    public List<Proposal> rank(MatchableProfile profile, int limit) {
        return withSearcher(searcher -> ranked(searcher, profile, candidateQuery(searcher, profile), limit).stream()
                .map(scored -> new Proposal(scored.id(), scored.score(), null)).toList());
    }

    /** Published profiles matching the keywords and filters whose owners {@code visible} accepts, best first. */
    public SearchPage search(ProfileSearch search, Predicate<String> visibleOwner) {
        return withSearcher(searcher -> {
            BooleanQuery.Builder query = new BooleanQuery.Builder();
            boolean keywords = search.keywords() != null && !search.keywords().isBlank();
            if (keywords) {
                BooleanQuery.Builder text = new BooleanQuery.Builder();
                for (String field : ProfileAnalyzers.TEXT_FIELDS) {
                    for (String term : new java.util.LinkedHashSet<>(
                            ProfileAnalyzers.terms(analyzer, field, search.keywords()))) {
                        text.add(new BoostQuery(new TermQuery(new Term(field, term)), FIELD_BOOSTS.get(field)),
                                BooleanClause.Occur.SHOULD);
                    }
                }
                concepts.conceptsIn(search.keywords()).keySet().forEach(concept -> text.add(
                        new BoostQuery(new TermQuery(new Term(CONCEPT, concept)), CONCEPT_BOOST),
                        BooleanClause.Occur.SHOULD));
                query.add(text.build(), BooleanClause.Occur.MUST);
            } else {
                query.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
            }
            filter(query, TYPE, search.types().stream().map(Enum::name).toList());
            filter(query, FIELD, List.copyOf(search.technologyFields()));
            if (search.ownerBureau() != null) {
                filter(query, BUREAU, List.of(search.ownerBureau()));
            }
            if (search.targetRegion() != null) {
                filter(query, TARGET, search.targetRegion().equals("international") ? List.of("international")
                        : List.of(search.targetRegion(), "nationwide"));
            }
            if (search.stage() != null) {
                filter(query, STAGE, List.of(search.stage().name()));
            }
            if (search.partnershipType() != null) {
                filter(query, PARTNERSHIP, List.of(search.partnershipType().name()));
            }
            // score, then id: the same order on every instance, so a cursor from one is good on another
            Sort sort = new Sort(SortField.FIELD_SCORE, new SortField(ID_SORT, SortField.Type.STRING));
            FieldDoc after = SearchCursor.decode(search.after());
            // the cursor names the last hit shown; searchAfter, without its doc id, starts at it again
            String shown = after == null ? null : ((BytesRef) after.fields[1]).utf8ToString();
            Query built = query.build();
            int size = Math.max(1, search.size());
            // one visible hit more than the page shows tells whether there is a next page
            List<SearchPage.Hit> hits = new ArrayList<>();
            List<FieldDoc> positions = new ArrayList<>();
            while (hits.size() <= size) {
                TopFieldDocs batch = searcher.searchAfter(after, built, size + 1, sort, true);
                for (ScoreDoc doc : batch.scoreDocs) {
                    after = (FieldDoc) doc;
                    Document stored = searcher.storedFields().document(doc.doc, Set.of(ID, OWNER));
                    if (!stored.get(ID).equals(shown) && visibleOwner.test(stored.get(OWNER))) {
                        hits.add(new SearchPage.Hit(stored.get(ID), keywords ? doc.score : 0));
                        positions.add(after);
                        if (hits.size() > size) {
                            break;
                        }
                    }
                }
                if (batch.scoreDocs.length < size + 1) {
                    break;
                }
            }
            if (hits.size() > size) {
                return new SearchPage(List.copyOf(hits.subList(0, size)), SearchCursor.encode(positions.get(size - 1)));
            }
            return new SearchPage(hits, null);
        });
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
            slicesSearch.shutdown();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- scoring ----------------------------------------------------------------------------------------------

    /** A candidate with its text score (BM25 of terms and concepts) and its structured lines. */
    private record Scored(String id, int doc, double textPoints, List<Contribution> structured, double score,
                          Map<String, String> conceptWords) {
    }

    /**
     * Scores the best candidates in full. The query also finds the profile's own document (when it is indexed): its
     * text score is what a counterpart's is measured against. Its owner's other profiles are skipped here rather than
     * in the query, so the one search serves both.
     */
    private List<Scored> ranked(IndexSearcher searcher, MatchableProfile profile, CandidateQuery candidates, int limit)
            throws IOException {
        TopDocs top = searcher.search(candidates.query(), Math.max(1, limit) + OWN_PROFILES_ROOM);
        ProfileFacts facts = ProfileFacts.of(profile);
        double own = 0;
        List<ScoreDoc> others = new ArrayList<>(top.scoreDocs.length);
        List<Document> stored = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc doc : top.scoreDocs) {
            Document fields = searcher.storedFields().document(doc.doc, STORED_FOR_SCORING);
            if (profile.id().equals(fields.get(ID))) {
                own = Math.max(0, doc.score - FIELD_BOOST * profile.technologyFields().size());
            } else if (profile.ownerMemberId() == null || !profile.ownerMemberId().equals(fields.get(OWNER))) {
                others.add(doc);
                stored.add(fields);
            }
        }
        List<Scored> scored = new ArrayList<>(others.size());
        for (int i = 0; i < others.size() && i < Math.max(1, limit); i++) {
            ScoreDoc doc = others.get(i);
            Document fields = stored.get(i);
            ProfileFacts other = ProfileFacts.decoded(fields.get(FACTS));
            long sharedFields = facts.technologyFields().stream().filter(other.technologyFields()::contains).count();
            double text = Math.max(0, doc.score - FIELD_BOOST * sharedFields);
            double textPoints = round(textPoints(text, own));
            List<Contribution> structured = StructuredFactors.between(facts, other);
            double total = textPoints + structured.stream().mapToDouble(c -> round(c.points())).sum();
            scored.add(new Scored(fields.get(ID), doc.doc, textPoints, structured, round(total),
                    decodeConceptWords(fields.get(CONCEPT_WORDS))));
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::id));
        return scored;
    }

    /** The text points split over the terms and concepts that earned them, then the structured lines. */
    private Explanation explain(ClauseWeights weights, CandidateQuery candidates, Scored candidate) throws IOException {
        Map<String, Double> byLabel = new LinkedHashMap<>();
        Map<String, Contribution.Kind> kinds = new HashMap<>();
        double[] clauseScores = weights.scores(candidate.doc());
        scaleAsTheQueryDoes(candidates.clauses(), clauseScores);
        for (int i = 0; i < clauseScores.length; i++) {
            Clause clause = candidates.clauses().get(i);
            if (clauseScores[i] <= 0 || clause.field().equals(FIELD)) {
                continue; // no part of the text score; the technology field is a structured factor
            }
            String label = label(clause.field(), clause.term(), candidates.ownConceptWords(), candidate.conceptWords());
            byLabel.merge(label, clauseScores[i], Double::sum);
            kinds.put(label, clause.field().equals(CONCEPT) || clause.field().equals(BROADER)
                    ? Contribution.Kind.CONCEPT : Contribution.Kind.TERM);
        }
        double textTotal = byLabel.values().stream().mapToDouble(Double::doubleValue).sum();
        double textPoints = candidate.textPoints();
        List<Contribution> lines = new ArrayList<>();
        if (textTotal > 0 && textPoints > 0) {
            List<Map.Entry<String, Double>> entries = new ArrayList<>(byLabel.entrySet());
            entries.sort(Map.Entry.<String, Double>comparingByValue().reversed());
            double given = 0;
            for (int i = 0; i < entries.size(); i++) {
                var entry = entries.get(i);
                double points = i == entries.size() - 1 ? round(textPoints - given)
                        : round(textPoints * entry.getValue() / textTotal);
                given = round(given + points);
                lines.add(new Contribution(kinds.get(entry.getKey()), entry.getKey(), points));
            }
        }
        candidate.structured().forEach(line -> lines.add(new Contribution(line.kind(), line.label(),
                round(line.points()))));
        double score = round(lines.stream().mapToDouble(Contribution::points).sum());
        return new Explanation(score, lines);
    }

    /** The reading with the higher sum counts in full, the other at {@link #EVIDENCE_TIE}, as the query scores them. */
    private static void scaleAsTheQueryDoes(List<Clause> clauses, double[] scores) {
        double words = 0;
        double ideas = 0;
        for (int i = 0; i < scores.length; i++) {
            switch (clauses.get(i).reading()) {
                case WORDS -> words += scores[i];
                case CONCEPTS -> ideas += scores[i];
                case FIELD -> { }
            }
        }
        Reading full = words >= ideas ? Reading.WORDS : Reading.CONCEPTS;
        for (int i = 0; i < scores.length; i++) {
            Reading reading = clauses.get(i).reading();
            if (reading != Reading.FIELD && reading != full) {
                scores[i] *= EVIDENCE_TIE;
            }
        }
    }

    private String label(String field, String term, Map<String, String> own, Map<String, String> theirs) {
        return switch (field) {
            case CONCEPT, BROADER -> {
                String words = wordsFor(term, own, theirs);
                yield (field.equals(BROADER) ? "related concept: " : "concept: ") + concepts.label(term)
                        + (words.isEmpty() ? "" : " (" + words + ")");
            }
            case ProfileAnalyzers.ENGLISH -> "word '" + term + "' in both texts";
            case ProfileAnalyzers.READINGS -> "same reading '" + term + "' in both texts";
            case ProfileAnalyzers.BIGRAMS -> "characters '" + term + "' in both texts";
            default -> "word '" + term + "' in both texts";
        };
    }

    private static String wordsFor(String concept, Map<String, String> own, Map<String, String> theirs) {
        String mine = own.get(concept);
        String other = theirs.get(concept);
        if (mine != null && other != null && !mine.equals(other)) {
            return mine + " ↔ " + other;
        }
        return mine != null ? mine : other != null ? other : "";
    }

    /** The query that finds candidates, and the words behind the profile's concepts for the explanation. */
    /** One clause of the evidence: what field and term it asks for, for the explanation. */
    private record Clause(String field, String term, Query query) {

        Reading reading() {
            return switch (field) {
                case CONCEPT, BROADER -> Reading.CONCEPTS;
                case FIELD -> Reading.FIELD;
                default -> Reading.WORDS;
            };
        }
    }

    /** Which part of the evidence a clause belongs to. */
    private enum Reading { WORDS, CONCEPTS, FIELD }

    private record CandidateQuery(Query query, List<Clause> clauses, Map<String, String> ownConceptWords) {
    }

    /**
     * The weights of the evidence's clauses, made once per profile: the score each clause gives one document is then
     * a postings lookup, where Lucene's own explain would rebuild every clause's weight for every document.
     */
    private static final class ClauseWeights {
        private final IndexSearcher searcher;
        private final List<Weight> weights = new ArrayList<>();

        ClauseWeights(IndexSearcher searcher, List<Clause> clauses) throws IOException {
            this.searcher = searcher;
            for (Clause clause : clauses) {
                weights.add(searcher.createWeight(searcher.rewrite(clause.query()), ScoreMode.COMPLETE, 1f));
            }
        }

        double[] scores(int doc) throws IOException {
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            int local = doc - leaf.docBase;
            double[] scores = new double[weights.size()];
            for (int i = 0; i < weights.size(); i++) {
                Scorer scorer = weights.get(i).scorer(leaf);
                if (scorer != null && scorer.iterator().advance(local) == local) {
                    scores[i] = scorer.score();
                }
            }
            return scores;
        }
    }

    private CandidateQuery candidateQuery(IndexSearcher searcher, MatchableProfile profile) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        String text = profile.allText();
        List<Clause> clauses = new ArrayList<>();
        for (String field : ProfileAnalyzers.TEXT_FIELDS) {
            for (String term : distinctive(reader, field, ProfileAnalyzers.terms(analyzer, field, text),
                    TERMS_PER_FIELD.get(field))) {
                clauses.add(clause(field, term, FIELD_BOOSTS.get(field)));
            }
        }
        Map<String, String> own = concepts.conceptsIn(text);
        for (String concept : own.keySet()) {
            clauses.add(clause(CONCEPT, concept, concepts.isCategory(concept) ? CATEGORY_BOOST : CONCEPT_BOOST));
            // a narrower idea on the other side, or the broader one
            clauses.add(clause(BROADER, concept, RELATED_CONCEPT_BOOST));
            String broader = concepts.broaderOf(concept);
            if (broader != null && !own.containsKey(broader)) {
                clauses.add(clause(CONCEPT, broader, RELATED_CONCEPT_BOOST));
            }
        }
        for (String field : profile.technologyFields()) {
            clauses.add(new Clause(FIELD, field, new BoostQuery(new org.apache.lucene.search.ConstantScoreQuery(
                    new TermQuery(new Term(FIELD, field))), FIELD_BOOST)));
        }
        // the words and the concepts are two readings of the same text, not two pieces of evidence: the better one
        // counts, the other a little (EVIDENCE_TIE); summed, the concepts of a topic would outweigh the words that
        // tell two offers of the same topic apart
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        BooleanQuery.Builder ideas = new BooleanQuery.Builder();
        BooleanQuery.Builder evidence = new BooleanQuery.Builder();
        for (Clause clause : clauses) {
            switch (clause.reading()) {
                case WORDS -> words.add(clause.query(), BooleanClause.Occur.SHOULD);
                case CONCEPTS -> ideas.add(clause.query(), BooleanClause.Occur.SHOULD);
                case FIELD -> evidence.add(clause.query(), BooleanClause.Occur.SHOULD);
            }
        }
        evidence.add(new DisjunctionMaxQuery(List.of(words.build(), ideas.build()), EVIDENCE_TIE),
                BooleanClause.Occur.SHOULD);
        // counterparts, and the profile's own document for its own score
        Query counterpartsOrItself = new BooleanQuery.Builder()
                .add(new TermInSetQuery(TYPE, profile.type().counterparts().stream()
                        .map(type -> new BytesRef(type.name())).toList()), BooleanClause.Occur.SHOULD)
                .add(new TermQuery(new Term(ID, profile.id())), BooleanClause.Occur.SHOULD)
                .build();
        Query query = new BooleanQuery.Builder()
                .add(evidence.build(), BooleanClause.Occur.MUST)
                .add(counterpartsOrItself, BooleanClause.Occur.FILTER)
                .build();
        return new CandidateQuery(query, clauses, own);
    }

    private static Clause clause(String field, String term, float boost) {
        return new Clause(field, term, new BoostQuery(new TermQuery(new Term(field, term)), boost));
    }

    /** The terms that say most about this text: frequent here, rare in the index (tf·idf), at most a few per field. */
    private static List<String> distinctive(IndexReader reader, String field, List<String> terms, int keep)
            throws IOException {
        Map<String, Integer> frequencies = new HashMap<>();
        terms.forEach(term -> frequencies.merge(term, 1, Integer::sum));
        int documents = Math.max(1, reader.numDocs());
        List<Map.Entry<String, Double>> weighted = new ArrayList<>();
        for (var entry : frequencies.entrySet()) {
            int df = reader.docFreq(new Term(field, entry.getKey()));
            if (df == 0) {
                continue;
            }
            double idf = Math.log(1 + (documents - df + 0.5) / (df + 0.5));
            weighted.add(Map.entry(entry.getKey(), Math.sqrt(entry.getValue()) * idf));
        }
        weighted.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return weighted.stream().limit(keep).map(Map.Entry::getKey).toList();
    }

    /** @param ownScore the profile's text score against itself, or 0 when it is not in the index */
    static double textPoints(double textScore, double ownScore) {
        if (textScore <= 0) {
            return 0;
        }
        if (ownScore <= 0) {
            return TEXT_POINTS * textScore / (textScore + HALF_POINTS_AT_SCORE);
        }
        double share = Math.min(1, textScore / ownScore);
        return TEXT_POINTS * (1 + HALF_POINTS_AT_SHARE) * share / (share + HALF_POINTS_AT_SHARE);
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    // ---- the index --------------------------------------------------------------------------------------------

    private Document document(MatchableProfile profile) {
        Document doc = new Document();
        doc.add(new StringField(ID, profile.id(), Field.Store.YES));
        doc.add(new SortedDocValuesField(ID_SORT, new BytesRef(profile.id())));
        if (profile.ownerMemberId() != null) {
            doc.add(new StringField(OWNER, profile.ownerMemberId(), Field.Store.YES));
        }
        doc.add(new StringField(TYPE, profile.type().name(), Field.Store.NO));
        String text = profile.allText();
        for (String field : ProfileAnalyzers.TEXT_FIELDS) {
            doc.add(new TextField(field, text, Field.Store.NO));
        }
        Map<String, String> found = concepts.conceptsIn(text);
        StringBuilder words = new StringBuilder();
        for (var concept : found.entrySet()) {
            doc.add(new StringField(CONCEPT, concept.getKey(), Field.Store.NO));
            String broader = concepts.broaderOf(concept.getKey());
            if (broader != null) {
                doc.add(new StringField(BROADER, broader, Field.Store.NO));
            }
            words.append(concept.getKey()).append('\u001f').append(concept.getValue()).append('\u001e');
        }
        doc.add(new StoredField(CONCEPT_WORDS, words.toString()));
        profile.technologyFields().forEach(field -> doc.add(new StringField(FIELD, field, Field.Store.NO)));
        if (profile.ownerBureau() != null) {
            doc.add(new StringField(BUREAU, profile.ownerBureau(), Field.Store.NO));
        }
        profile.targetRegions().forEach(region -> doc.add(new StringField(TARGET, region, Field.Store.NO)));
        if (profile.stage() != null) {
            doc.add(new StringField(STAGE, profile.stage().name(), Field.Store.NO));
        }
        profile.partnershipTypes().forEach(type -> doc.add(new StringField(PARTNERSHIP, type.name(), Field.Store.NO)));
        doc.add(new StoredField(FACTS, ProfileFacts.of(profile).encoded()));
        return doc;
    }

    private static Map<String, String> decodeConceptWords(String stored) {
        Map<String, String> words = new HashMap<>();
        if (stored == null || stored.isEmpty()) {
            return words;
        }
        for (String pair : stored.split("\u001e")) {
            int split = pair.indexOf('\u001f');
            if (split > 0) {
                words.put(pair.substring(0, split), pair.substring(split + 1));
            }
        }
        return words;
    }

    private static void filter(BooleanQuery.Builder query, String field, List<String> anyOf) {
        if (!anyOf.isEmpty()) {
            query.add(new TermInSetQuery(field, anyOf.stream().map(BytesRef::new).toList()),
                    BooleanClause.Occur.FILTER);
        }
    }

    private interface IndexWrite {
        void run() throws IOException;
    }

    private void write(IndexWrite change) {
        try {
            change.run();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface SearcherWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.run(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The position after the last hit of a page, opaque to clients. */
    static final class SearchCursor {

        private SearchCursor() {
        }

        static String encode(FieldDoc last) {
            if (last == null) {
                return null;
            }
            String raw = Float.floatToIntBits(last.score) + ":" + ((BytesRef) last.fields[1]).utf8ToString();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        /** @throws IllegalArgumentException when the cursor is not one this engine wrote */
        static FieldDoc decode(String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            try {
                String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                String[] parts = raw.split(":", 2);
                float score = Float.intBitsToFloat(Integer.parseInt(parts[0]));
                // the doc id is not kept (it changes as segments merge): the unique id field breaks ties instead
                return new FieldDoc(-1, score, new Object[] {score, new BytesRef(parts[1])});
            } catch (RuntimeException notOurs) {
                throw new IllegalArgumentException("not a search cursor", notOurs);
            }
        }
    }
}
