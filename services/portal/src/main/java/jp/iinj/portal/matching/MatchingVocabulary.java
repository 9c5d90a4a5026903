package jp.iinj.portal.matching;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

import jp.iinj.contracts.membership.TechnologyFieldVocabulary;
import jp.iinj.contracts.membership.TechnologyFieldVocabulary.TechnologyField;

import org.springframework.stereotype.Component;

/** For templates: technology fields' names in the page's language ({@code ${@matchingVocabulary.technologyFields(ids, #locale)}}). */
@Component("matchingVocabulary")
public class MatchingVocabulary {

    private final Collection<TechnologyField> fields = TechnologyFieldVocabulary.current().all();

    public List<String> technologyFields(List<String> ids, Locale locale) {
        return ids.stream().map(id -> fields.stream().filter(field -> field.id().equals(id)).findFirst()
                .map(field -> "en".equals(locale.getLanguage()) ? field.nameEn() : field.nameJa()).orElse(id)).toList();
    }
}
