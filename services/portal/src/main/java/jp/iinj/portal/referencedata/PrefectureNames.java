package jp.iinj.portal.referencedata;

import java.util.Locale;

import org.springframework.stereotype.Component;

/** For templates: a prefecture's name in the page's language ({@code ${@prefectureNames.name(code, #locale)}}). */
@Component("prefectureNames")
public class PrefectureNames {

    public String name(String code, Locale locale) {
        return Prefectures.byCode(code).map(prefecture -> prefecture.name(locale)).orElse(code == null ? "—" : code);
    }
}
