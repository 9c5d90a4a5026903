package jp.iinj.businessmatching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;

import org.junit.jupiter.api.Test;

import jp.iinj.contracts.matching.TechnicalGlossary;

class ConceptMatcherTest {

    private final ConceptMatcher matcher = new ConceptMatcher(TechnicalGlossary.parse(new StringReader("""
            concept,field,broader,ja,en
            fastener,metal-processing,,ねじ|ネジ|螺子|ボルト,screw|fastener
            corrosion,materials,,さび|錆|腐食,rust|corrosion
            friction-reduction,machinery,,滑りを良くする|低摩擦,friction reduction|low friction
            freshness,food-agriculture,,鮮度を保つ|鮮度保持,freshness|shelf life
            computer,ict,,コンピューター,computer
            robot,robotics,,ロボット,robot|robotics
            ai,software-ai,,人工知能,artificial intelligence|AI
            """), "test glossary"));

    @Test
    void kanjiHiraganaKatakanaAndHalfWidthKatakanaAreOneWord() {
        assertThat(matcher.conceptsIn("特殊な螺子")).containsKey("fastener");
        assertThat(matcher.conceptsIn("特殊なねじを少量")).containsKey("fastener");
        assertThat(matcher.conceptsIn("ﾈｼﾞの製造")).containsKey("fastener");
        assertThat(matcher.conceptsIn("ﾛﾎﾞｯﾄﾊﾝﾄﾞの開発")).containsKey("robot");
    }

    @Test
    void fullWidthLatinIsLatin() {
        assertThat(matcher.conceptsIn("ＡＩで検査")).containsKey("ai");
        assertThat(matcher.conceptsIn("AIで検査")).containsKey("ai");
    }

    @Test
    void aKanaWordIsNotFoundInsideALongerWord() {
        assertThat(matcher.conceptsIn("プロジェクトマネジメントの支援")).doesNotContainKey("fastener");
        assertThat(matcher.conceptsIn("予知保全サービス")).doesNotContainKey("corrosion");
        assertThat(matcher.conceptsIn("ねじれを防ぐ")).doesNotContainKey("fastener");
        assertThat(matcher.conceptsIn("配管のさびを落とす")).containsKey("corrosion");
    }

    @Test
    void longVowelMarksDoNotMatter() {
        assertThat(matcher.conceptsIn("コンピュータで制御")).containsKey("computer");
        assertThat(matcher.conceptsIn("コンピューターで制御")).containsKey("computer");
    }

    @Test
    void aPlainPhraseIsFoundWhateverItsInflection() {
        assertThat(matcher.conceptsIn("機械の動く部分の滑りを良くしたい")).containsKey("friction-reduction");
        assertThat(matcher.conceptsIn("野菜の鮮度を保ちたい")).containsKey("freshness");
    }

    @Test
    void englishWordsAreMatchedByTheirStems() {
        assertThat(matcher.conceptsIn("Rusting pipes")).containsKey("corrosion");
        assertThat(matcher.conceptsIn("Screws and fasteners for robots")).containsKeys("fastener", "robot");
        assertThat(matcher.conceptsIn("We want lower friction: friction reduction")).containsKey("friction-reduction");
    }
}
