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
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.SmallFloat;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
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
 * every write is visible to the next query (which reopens the searcher once for all writes since the last). Thread-safe.
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
    /**
     * A term or concept found in more than this share of the counterparts (and in at least {@link #COMMON_FLOOR}) is
     * left out of the query: it cannot tell candidates apart (its idf is under 3), yet its postings are the longest
     * to read. Small indexes keep every term.
     */
    static final double COMMON_SHARE = 0.05;
    static final int COMMON_FLOOR = 10_000;
    /** A search's keywords count with at most this many terms per text field and this many concepts. */
    static final int KEYWORD_TERMS_PER_FIELD = 50;
    static final int KEYWORD_CONCEPTS = 20;
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
    /** Writes done so far, and how many of them the searcher has been reopened for. */
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong reopenedFor = new AtomicLong();
    private final ConceptMatcher concepts;
    private final MatchingSettings settings;
    private final org.apache.lucene.analysis.Analyzer analyzer = ProfileAnalyzers.perField();

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
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
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
                Set<String> sides = new java.util.TreeSet<>();
                (search.types().isEmpty() ? Set.of(ProfileType.values()) : search.types())
                        .forEach(type -> sides.add(sideOf(type)));
                // at most 4 sides × (4 fields × 50 terms + 20 concepts) clauses: under Lucene's 1,024
                List<String> keywordConcepts = concepts.conceptsIn(search.keywords()).keySet().stream()
                        .limit(KEYWORD_CONCEPTS).toList();
                for (String field : ProfileAnalyzers.TEXT_FIELDS) {
                    for (String term : new java.util.LinkedHashSet<>(
                            ProfileAnalyzers.terms(analyzer, field, search.keywords())).stream()
                            .limit(KEYWORD_TERMS_PER_FIELD).toList()) {
                        sides.forEach(side -> text.add(clause(side, field, term, FIELD_BOOSTS.get(field)).query(),
                                BooleanClause.Occur.SHOULD));
                    }
                }
                for (String concept : keywordConcepts) {
                    sides.forEach(side -> text.add(clause(side, CONCEPT, concept, CONCEPT_BOOST).query(),
                            BooleanClause.Occur.SHOULD));
                }
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
     * Two stages. First, the flat disjunction of all the evidence picks the best {@code limit} counterparts (the
     * owner's other profiles skipped). Then, for those only, the words and the concepts are scored apart and combined
     * as the stronger reading plus {@link #EVIDENCE_TIE} of the weaker (two readings of one text, not two pieces of
     * evidence), measured against the profile's own text score, and the structured factors are added.
     */
    private List<Scored> ranked(IndexSearcher searcher, MatchableProfile profile, CandidateQuery candidates, int limit)
            throws IOException {
        int wanted = Math.max(1, limit);
        TopDocs top = searcher.search(candidates.query(), wanted + OWN_PROFILES_ROOM);
        List<ScoreDoc> others = new ArrayList<>(wanted);
        List<Document> stored = new ArrayList<>(wanted);
        for (ScoreDoc doc : top.scoreDocs) {
            Document fields = searcher.storedFields().document(doc.doc, STORED_FOR_SCORING);
            boolean sameOwner = profile.ownerMemberId() != null && profile.ownerMemberId().equals(fields.get(OWNER));
            if (!sameOwner && !profile.id().equals(fields.get(ID)) && others.size() < wanted) {
                others.add(doc);
                stored.add(fields);
            }
        }
        if (others.isEmpty()) {
            return List.of();
        }
        Query theseOnly = new TermInSetQuery(ID, stored.stream().map(fields -> new BytesRef(fields.get(ID))).toList());
        Map<Integer, Double> words = readingScores(searcher, candidates.clauses(), Reading.WORDS, theseOnly, wanted);
        Map<Integer, Double> ideas = readingScores(searcher, candidates.clauses(), Reading.CONCEPTS, theseOnly, wanted);
        double own = ownTextScore(searcher, candidates);
        ProfileFacts facts = ProfileFacts.of(profile);
        List<Scored> scored = new ArrayList<>(others.size());
        for (int i = 0; i < others.size(); i++) {
            int doc = others.get(i).doc;
            Document fields = stored.get(i);
            ProfileFacts other = ProfileFacts.decoded(fields.get(FACTS));
            double text = combined(words.getOrDefault(doc, 0.0), ideas.getOrDefault(doc, 0.0));
            double textPoints = round(textPoints(text, own));
            List<Contribution> structured = StructuredFactors.between(facts, other);
            double total = textPoints + structured.stream().mapToDouble(c -> round(c.points())).sum();
            scored.add(new Scored(fields.get(ID), doc, textPoints, structured, round(total),
                    decodeConceptWords(fields.get(CONCEPT_WORDS))));
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::id));
        return scored;
    }

    /** The score one reading's clauses give each of these documents. */
    private static Map<Integer, Double> readingScores(IndexSearcher searcher, List<Clause> clauses, Reading reading,
                                                      Query only, int documents) throws IOException {
        BooleanQuery.Builder reads = new BooleanQuery.Builder();
        boolean any = false;
        for (Clause clause : clauses) {
            if (clause.reading() == reading) {
                reads.add(clause.query(), BooleanClause.Occur.SHOULD);
                any = true;
            }
        }
        Map<Integer, Double> byDoc = new HashMap<>();
        if (!any) {
            return byDoc;
        }
        Query scoped = new BooleanQuery.Builder().add(reads.build(), BooleanClause.Occur.MUST)
                .add(only, BooleanClause.Occur.FILTER).build();
        for (ScoreDoc doc : searcher.search(scoped, Math.max(1, documents)).scoreDocs) {
            byDoc.put(doc.doc, (double) doc.score);
        }
        return byDoc;
    }

    private static double combined(double words, double ideas) {
        return Math.max(words, ideas) + EVIDENCE_TIE * Math.min(words, ideas);
    }

    /**
     * What the profile's own text would score with the same clauses, were it one of the counterparts: BM25 with the
     * counterpart fields' statistics and the profile's own term frequencies and lengths. A counterpart's text score is
     * read as a share of it, so that scores do not depend on the size of the index.
     */
    private static double ownTextScore(IndexSearcher searcher, CandidateQuery candidates) throws IOException {
        double words = 0;
        double ideas = 0;
        for (Clause clause : candidates.clauses()) {
            if (clause.reading() == Reading.FIELD) {
                continue;
            }
            BoostQuery boosted = (BoostQuery) clause.query();
            TermQuery query = (TermQuery) boosted.getQuery();
            TermStates states = query.getTermStates();
            CollectionStatistics collection = searcher.collectionStatistics(query.getTerm().field());
            if (states == null || states.docFreq() == 0 || collection == null) {
                continue;
            }
            Similarity.SimScorer scorer = searcher.getSimilarity().scorer(boosted.getBoost(), collection,
                    searcher.termStatistics(query.getTerm(), states.docFreq(), states.totalTermFreq()));
            if (clause.reading() == Reading.WORDS) {
                ProfileAnalyzers.FieldTerms own = candidates.text().fields().get(clause.field());
                long frequency = own.terms().stream().filter(clause.term()::equals).count();
                words += scorer.score(frequency, SmallFloat.intToByte4(own.length()));
            } else {
                ideas += scorer.score(1, 1L); // a concept is there once; concept fields keep no lengths
            }
        }
        return combined(words, ideas);
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

    private record CandidateQuery(Query query, List<Clause> clauses, ProfileText text) {

        Map<String, String> ownConceptWords() {
            return text.concepts();
        }
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

    /**
     * The evidence a profile's text gives, asked of the counterparts' fields (the words most distinctive among them,
     * the concepts, the technology fields): one flat disjunction, which Lucene answers fastest, and the words and the
     * concepts apart for the second stage. Terms and concepts too common among the counterparts are left out.
     */
    private CandidateQuery candidateQuery(IndexSearcher searcher, MatchableProfile profile) throws IOException {
        ProfileText text = analysed(profile);
        List<Clause> clauses = evidence(searcher, profile, text, counterpartSideOf(profile.type()));
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        clauses.forEach(clause -> all.add(clause.query(), BooleanClause.Occur.SHOULD));
        return new CandidateQuery(all.build(), clauses, text);
    }

    /** A profile's text analysed once: its terms per text field and its concepts with the words that named them. */
    private record ProfileText(Map<String, ProfileAnalyzers.FieldTerms> fields, Map<String, String> concepts) {

        List<String> terms(String field) {
            return fields.get(field).terms();
        }
    }

    private ProfileText analysed(MatchableProfile profile) {
        String text = profile.allText();
        Map<String, ProfileAnalyzers.FieldTerms> fields = new HashMap<>();
        for (String field : ProfileAnalyzers.TEXT_FIELDS) {
            fields.put(field, ProfileAnalyzers.analysed(analyzer, field, text));
        }
        return new ProfileText(fields, concepts.conceptsIn(text));
    }

    private List<Clause> evidence(IndexSearcher searcher, MatchableProfile profile, ProfileText text, String side)
            throws IOException {
        List<Clause> clauses = new ArrayList<>();
        for (String field : ProfileAnalyzers.TEXT_FIELDS) {
            for (TermQuery term : distinctive(searcher, onSide(side, field), text.terms(field),
                    TERMS_PER_FIELD.get(field))) {
                clauses.add(new Clause(field, term.getTerm().text(),
                        new BoostQuery(term, FIELD_BOOSTS.get(field))));
            }
        }
        Map<String, String> own = text.concepts();
        for (String concept : own.keySet()) {
            addUnlessCommon(searcher, clauses, side, CONCEPT, concept,
                    concepts.isCategory(concept) ? CATEGORY_BOOST : CONCEPT_BOOST);
            // a narrower idea on the other side, or the broader one
            addUnlessCommon(searcher, clauses, side, BROADER, concept, RELATED_CONCEPT_BOOST);
            String broader = concepts.broaderOf(concept);
            if (broader != null && !own.containsKey(broader)) {
                addUnlessCommon(searcher, clauses, side, CONCEPT, broader, RELATED_CONCEPT_BOOST);
            }
        }
        for (String field : profile.technologyFields()) {
            clauses.add(new Clause(FIELD, field, new BoostQuery(new org.apache.lucene.search.ConstantScoreQuery(
                    new TermQuery(new Term(onSide(side, FIELD), field))), FIELD_BOOST)));
        }
        return clauses;
    }

    private static void addUnlessCommon(IndexSearcher searcher, List<Clause> clauses, String side, String field,
                                        String value, float boost) throws IOException {
        Term term = new Term(onSide(side, field), value);
        TermStates states = TermStates.build(searcher, term, true);
        if (states.docFreq() > 0
                && !common(states.docFreq(), searcher.getIndexReader().getDocCount(term.field()))) {
            clauses.add(new Clause(field, value, new BoostQuery(new TermQuery(term, states), boost)));
        }
    }

    private static boolean common(int docFreq, int documents) {
        return docFreq > Math.max(COMMON_SHARE * documents, COMMON_FLOOR);
    }

    private static Clause clause(String side, String field, String term, float boost) {
        return new Clause(field, term, new BoostQuery(new TermQuery(new Term(onSide(side, field), term)), boost));
    }

    /**
     * Each profile's text, concepts and fields are indexed under its side: the types that share its counterparts
     * (technology requests and R&D partner requests are one side; technology offers the other). A profile's query
     * then asks its counterparts' fields only, a plain disjunction, where a filter on the type would make Lucene
     * score every match before filtering it.
     */
    static String sideOf(ProfileType type) {
        return sideNamed(java.util.EnumSet.copyOf(java.util.Arrays.stream(ProfileType.values())
                .filter(other -> other.counterparts().equals(type.counterparts())).toList()));
    }

    static String counterpartSideOf(ProfileType type) {
        return sideNamed(type.counterparts());
    }

    private static String sideNamed(Set<ProfileType> types) {
        return types.stream().map(type -> type.name().toLowerCase(java.util.Locale.ROOT)).sorted()
                .collect(java.util.stream.Collectors.joining("+"));
    }

    private static String onSide(String side, String field) {
        return side + "." + field;
    }

    /** The terms that say most about this text: frequent here, rare in the index (tf·idf), at most a few per field. */
    /**
     * The terms that say most about this text among the counterparts: frequent here, rare there (tf·idf), at most a
     * few per field; none that no counterpart has, or too many have. Each comes with its postings' places looked up
     * once, for every query that asks it.
     */
    private static List<TermQuery> distinctive(IndexSearcher searcher, String field, List<String> terms, int keep)
            throws IOException {
        Map<String, Integer> frequencies = new HashMap<>();
        terms.forEach(term -> frequencies.merge(term, 1, Integer::sum));
        int documents = Math.max(1, searcher.getIndexReader().getDocCount(field));
        record Weighted(TermQuery query, double weight) {
        }
        List<Weighted> weighted = new ArrayList<>();
        for (var entry : frequencies.entrySet()) {
            Term term = new Term(field, entry.getKey());
            TermStates states = TermStates.build(searcher, term, true);
            int df = states.docFreq();
            if (df == 0 || common(df, documents)) {
                continue;
            }
            double idf = Math.log(1 + (documents - df + 0.5) / (df + 0.5));
            weighted.add(new Weighted(new TermQuery(term, states), Math.sqrt(entry.getValue()) * idf));
        }
        weighted.sort(Comparator.comparingDouble(Weighted::weight).reversed()
                .thenComparing(candidate -> candidate.query().getTerm().text()));
        return weighted.stream().limit(keep).map(Weighted::query).toList();
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
        String side = sideOf(profile.type());
        String text = profile.allText();
        for (String field : ProfileAnalyzers.TEXT_FIELDS) {
            doc.add(new TextField(onSide(side, field), text, Field.Store.NO));
        }
        Map<String, String> found = concepts.conceptsIn(text);
        StringBuilder words = new StringBuilder();
        for (var concept : found.entrySet()) {
            doc.add(new StringField(onSide(side, CONCEPT), concept.getKey(), Field.Store.NO));
            String broader = concepts.broaderOf(concept.getKey());
            if (broader != null) {
                doc.add(new StringField(onSide(side, BROADER), broader, Field.Store.NO));
            }
            words.append(concept.getKey()).append('\u001f').append(concept.getValue()).append('\u001e');
        }
        doc.add(new StoredField(CONCEPT_WORDS, words.toString()));
        profile.technologyFields().forEach(field -> {
            doc.add(new StringField(FIELD, field, Field.Store.NO));
            doc.add(new StringField(onSide(side, FIELD), field, Field.Store.NO));
        });
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

    /**
     * A write is seen by the next query, which reopens the searcher first if anything was written since the last
     * reopen: a burst of writes between two queries costs one reopen, where a reopen per write held indexing to a few
     * dozen profiles a second.
     */
    private void write(IndexWrite change) {
        try {
            change.run();
            writes.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface SearcherWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            long done = writes.get();
            if (reopenedFor.get() < done) {
                searchers.maybeRefreshBlocking(); // waits for a reopen under way, which may predate a write
                reopenedFor.accumulateAndGet(done, Math::max);
            }
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
