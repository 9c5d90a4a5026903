package jp.iinj.memberregistry.organisation;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The comparable form of an organisation name, for finding duplicates among organisations without a corporate
 * number: the same firm is written 「株式会社 信濃川精機」, 「㈱信濃川精機」 or 「信濃川精機（株）」.
 */
public final class OrganisationNames {

    // longest first, so that 「公益社団法人」 is removed before a shorter form inside it could be
    private static final List<String> LEGAL_FORMS = List.of(
            "特定非営利活動法人", "国立研究開発法人", "地方独立行政法人", "独立行政法人", "国立大学法人", "公立大学法人",
            "一般社団法人", "公益社団法人", "一般財団法人", "公益財団法人", "社会福祉法人", "医療法人", "学校法人",
            "株式会社", "有限会社", "合同会社", "合資会社", "合名会社", "協同組合", "npo法人",
            "(株)", "(有)", "(同)", "(財)", "(社)");
    private static final Pattern LATIN_LEGAL_FORMS = Pattern.compile(
            "\\b(co\\.?,? ?ltd\\.?|inc\\.?|corporation|corp\\.?|k\\.k\\.|llc|ltd\\.?|limited)");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    private OrganisationNames() {
    }

    public static String normalised(String name) {
        // NFKC: full-width letters and digits to ASCII, ㈱ to (株), half-width katakana to full-width
        String text = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        for (String form : LEGAL_FORMS) {
            text = text.replace(form, " ");
        }
        text = LATIN_LEGAL_FORMS.matcher(text).replaceAll(" ");
        return NOT_LETTER_OR_DIGIT.matcher(text).replaceAll("");
    }
}
