package jp.iinj.portal.referencedata;

import java.util.List;

/**
 * The 20 major divisions (大分類 A–T) of the Japan Standard Industrial Classification, revision 14 (2023): the JSIC
 * picker of the forms. member-registry also accepts finer codes (2–4 digits); the portal offers the divisions,
 * which is what a registrant can say without looking anything up. Names: {@code jsic.<letter>} in the bundles.
 */
public final class JsicDivisions {

    public static final String REVISION = "14";
    public static final List<String> CODES = List.of("A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M",
            "N", "O", "P", "Q", "R", "S", "T");

    private JsicDivisions() {
    }
}
