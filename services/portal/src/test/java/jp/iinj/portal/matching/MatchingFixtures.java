package jp.iinj.portal.matching;

import java.util.List;
import java.util.Map;

/** What business matching answers in the pages' tests: member 3f0c's profiles, another member's, proposals, interests. */
final class MatchingFixtures {

    static final String MEMBER = "3f0c";
    static final String OTHER_MEMBER = "9a9a";

    /** A draft a coordinator drafted for member 3f0c. */
    static final String DRAFT = """
            {"id":"p-1","memberId":"3f0c","type":"TECHNOLOGY_OFFER","status":"DRAFT",
             "content":{"title":{"ja":"精密切削の受託","en":"Precision machining"},"summary":{"ja":"金属部品の精密切削"},
                        "keywords":["精密切削","金型"],"technologyFields":[],"jsicCodes":[{"revision":"14","code":"E"}],
                        "stage":"ON_THE_MARKET","partnershipTypes":[],"partnerTypesSought":["SME"],"targetRegions":["kanto","nationwide"]},
             "createdBy":{"subject":"coord-1","role":"COORDINATOR","at":"2026-11-30T01:00:00Z"},
             "createdAt":"2026-11-30T01:00:00Z","updatedAt":"2026-11-30T01:00:00Z","revision":3}""";

    /** Member 3f0c's published profile, published by its own people. */
    static final String PUBLISHED = """
            {"id":"p-2","memberId":"3f0c","type":"TECHNOLOGY_REQUEST","status":"PUBLISHED",
             "content":{"title":{"ja":"画像検査の自動化"}},
             "createdBy":{"subject":"owner-1","role":"MEMBER","at":"2026-10-01T01:00:00Z"},
             "publishedBy":{"subject":"owner-1","role":"MEMBER","at":"2026-10-02T01:00:00Z"},
             "expiresOn":"2027-10-02","revision":5}""";

    /** Another member's published profile, as member 3f0c sees it: anonymous. */
    static final String ANONYMOUS = """
            {"id":"p-9","type":"TECHNOLOGY_REQUEST",
             "content":{"title":{"ja":"金属加工の外注先を探しています","en":"Looking for metalworking"},
                        "summary":{"ja":"小ロットの金属加工"},"technologyFields":["materials"],"targetRegions":["kanto"]},
             "owner":{"organisationType":"SME","sizeBand":"EMPLOYEES_20_TO_49","bureau":"kanto"},
             "publishedAt":"2026-11-01T00:00:00Z","expiresOn":"2027-11-01"}""";

    static final String INBOX = """
            {"items":[{"id":"n-1","kind":"match-proposed","link":"/matching/proposals","at":"2026-12-01T00:00:00Z","read":false},
                      {"id":"n-2","kind":"interest-accepted","link":"/matching/matches/m-i-7","at":"2026-12-02T00:00:00Z","read":false},
                      {"id":"n-3","kind":"interest-declined","link":"https://elsewhere.example/x","at":"2026-11-01T00:00:00Z","read":true}],
             "unread":2}""";

    static final String PROPOSALS = """
            {"items":[{"id":"p-1~p-9","score":72.4,
              "explanation":[{"kind":"TERM","label":"金属","points":20.0},{"kind":"CONCEPT","label":"精密切削 ≈ 金属加工","points":18.4},
                             {"kind":"TECHNOLOGY_FIELD","label":"ものづくり","points":10.0},{"kind":"REGION","label":"関東","points":8.0},
                             {"kind":"STAGE_AND_IP","label":"市場で販売中","points":6.0},{"kind":"ORGANISATION_TYPES","label":"中小企業同士","points":10.0}],
              "yourProfile":{"id":"p-1","type":"TECHNOLOGY_OFFER","title":{"ja":"精密切削の受託"}},
              "counterpart":%s,
              "proposedAt":"2026-12-01T00:00:00Z"}]}""".formatted(ANONYMOUS);

    static final String OPEN_RECEIVED = """
            {"id":"i-1","direction":"RECEIVED","status":"OPEN","profile":%s,"proposalId":null,
             "other":{"organisationType":"UNIVERSITY","sizeBand":null,"bureau":"kinki","identity":null},
             "message":"共同研究に関心があります","expressedAt":"2026-12-01T00:00:00Z","expiresAt":"2026-12-22T00:00:00Z"}"""
            .formatted(ANONYMOUS.replace("\"owner\":{\"organisationType\":\"SME\",\"sizeBand\":\"EMPLOYEES_20_TO_49\",\"bureau\":\"kanto\"},", ""));

    static final String ACCEPTED = """
            {"id":"i-7","direction":"SENT","status":"ACCEPTED","profile":%s,
             "other":{"organisationType":"SME","sizeBand":"EMPLOYEES_20_TO_49","bureau":"kanto",
                      "identity":{"memberId":"9a9a","legalName":"株式会社関東金属","englishName":"Kanto Metal Co.","website":"https://kanto-metal.example.jp","prefectureCode":"13"}},
             "message":"ぜひ","expressedAt":"2026-12-01T00:00:00Z","answeredAt":"2026-12-02T00:00:00Z","matchId":"m-i-7"}"""
            .formatted(ANONYMOUS);

    static final String DECLINED_SENT = """
            {"id":"i-3","direction":"SENT","status":"DECLINED","profile":%s,
             "other":{"organisationType":"SME","sizeBand":"EMPLOYEES_20_TO_49","bureau":"kanto","identity":null},
             "message":"ぜひ","expressedAt":"2026-11-01T00:00:00Z","answeredAt":"2026-11-03T00:00:00Z",
             "declineReason":"ALREADY_PARTNERED","declineNote":"来年また"}""".formatted(ANONYMOUS);

    static Map<String, Object> coordinator(String... bureaus) {
        return Map.of("sub", "coord-1", "name", "調整 次郎", "email", "coord@example.jp",
                "roles", List.of("COORDINATOR"), "member_ids", List.of(), "bureaus", List.of(bureaus));
    }

    private MatchingFixtures() {
    }
}
