package jp.iinj.identity.notifications;

import java.util.Map;

/**
 * What a notification mail says, per kind and language. Only the kind's wording and the portal link: matching is
 * anonymous until both sides agree, so a mail never names another member; nor does a coordination mail name a
 * member, a coordinator or a case's notes (the portal shows them to whoever may see them).
 */
final class NotificationTexts {

    /** Subject and first paragraph of one kind, in Japanese and English. */
    record Text(String subjectJa, String bodyJa, String subjectEn, String bodyEn) {
    }

    private static final Text GENERIC = new Text("IINJ: 新しいお知らせがあります", "ポータルに新しいお知らせがあります。",
            "IINJ platform: you have a new notification", "There is something new for you in the portal.");

    private static final Map<String, Text> KINDS = Map.ofEntries(
            Map.entry("match-proposed", new Text("IINJ: 新しいマッチング提案があります",
                    "あなたの組織のプロフィールに、新しいマッチング提案が届きました。提案の理由もご覧いただけます。",
                    "IINJ platform: a new match proposal",
                    "A new partner has been proposed for one of your organisation's profiles, with the reasons why.")),
            Map.entry("interest-expressed", new Text("IINJ: プロフィールへの関心表明が届きました",
                    "あなたの組織のプロフィールに関心を表明した会員がいます。受諾するか、理由を添えてお断りください。",
                    "IINJ platform: someone is interested in your profile",
                    "A member has expressed interest in one of your organisation's profiles. Please accept it, or "
                            + "decline it with a reason.")),
            Map.entry("interest-accepted", new Text("IINJ: 関心表明が受諾されました",
                    "関心表明が受諾され、双方の組織名が開示されました。担当コーディネーターが今後を支援します。",
                    "IINJ platform: an interest was accepted",
                    "An expression of interest was accepted: both organisations now see each other's names, and a "
                            + "coordinator will follow up.")),
            Map.entry("interest-declined", new Text("IINJ: 関心表明へのお返事が届きました",
                    "あなたの組織の関心表明は、理由を添えてお断りされました。理由はポータルでご覧いただけます。",
                    "IINJ platform: an answer to your interest",
                    "Your organisation's expression of interest was declined, with a reason you can read in the portal.")),
            Map.entry("interest-expiring", new Text("IINJ: 回答期限が近づいています",
                    "まだ回答のない関心表明があり、まもなく期限を迎えます。ポータルでご確認ください。",
                    "IINJ platform: an answer is due soon",
                    "An expression of interest has not been answered yet and expires soon. Please look at it in the "
                            + "portal.")),
            Map.entry("interest-expired", new Text("IINJ: 関心表明が期限切れになりました",
                    "期限までに回答がなかったため、関心表明は期限切れになりました。",
                    "IINJ platform: an interest expired",
                    "An expression of interest expired because nobody answered it in time.")),
            Map.entry("match-outcome-recorded", new Text("IINJ: マッチングの結果が記録されました",
                    "コーディネーターが案件を完了し、結果が記録されました。",
                    "IINJ platform: the outcome of a match was recorded",
                    "The coordinator closed the case, and its outcome is recorded on the match.")),
            // coordination
            Map.entry("case-assigned", new Text("IINJ: 新しい案件が割り当てられました",
                    "あなたに新しいコーディネート案件が割り当てられました。期限までに受諾するか、理由を選んで辞退してください。",
                    "IINJ platform: a case was assigned to you",
                    "A new coordination case was assigned to you. Please accept it before it is due, or decline it "
                            + "with a reason.")),
            Map.entry("case-opened", new Text("IINJ: コーディネーターによるフォローアップが始まりました",
                    "合意したマッチングについて案件が開かれ、コーディネーターが紹介から商談までを支援します。",
                    "IINJ platform: a coordinator will follow up your match",
                    "A case was opened for your agreed match: a coordinator will help from the introduction to the "
                            + "negotiation.")),
            Map.entry("case-escalated", new Text("IINJ: 案件がエスカレーションされました",
                    "管轄の案件が、期限内に受諾または初回連絡がなかったか、担当できるコーディネーターがいないため、"
                            + "エスカレーションされました。ポータルで確認し、必要に応じて担当を割り当ててください。",
                    "IINJ platform: a case was escalated to your bureau",
                    "A case in your bureau was escalated: it was not accepted or first contact was not made in time, "
                            + "or no coordinator is available for it. Please review it in the portal and assign it if "
                            + "needed.")),
            Map.entry("case-queued", new Text("IINJ: 担当者のいない案件があります",
                    "管轄の案件に、担当できるコーディネーターがいません。ポータルの待ち行列で確認し、担当を割り当ててください。",
                    "IINJ platform: a case in your bureau has no coordinator",
                    "No coordinator is available for a case in your bureau. Please look at your bureau's queue in the "
                            + "portal and assign it.")),
            Map.entry("case-overdue", new Text("IINJ: 初回連絡の期限を過ぎた案件があります",
                    "担当案件の初回連絡が期限までに記録されなかったため、地域の担当機関に報告されました。案件は引き続きあなたの担当です。",
                    "IINJ platform: first contact on a case of yours is overdue",
                    "First contact on a case you coordinate was not recorded in time, so its bureau has been told. "
                            + "The case is still yours.")),
            Map.entry("case-reassigned", new Text("IINJ: 案件が他のコーディネーターに移りました",
                    "期限までに受諾されなかったため、案件は他のコーディネーター（または地域の待ち行列）に移りました。",
                    "IINJ platform: a case went to another coordinator",
                    "A case assigned to you was not accepted in time, so it went to another coordinator (or to its "
                            + "bureau's queue).")),
            Map.entry("case-closed", new Text("IINJ: 担当案件が完了されました",
                    "あなたが担当していた案件が、地域の担当機関または管理者によって完了されました。結果はポータルでご覧いただけます。",
                    "IINJ platform: a case of yours was closed",
                    "A case you coordinate was closed by its bureau's regional body or an administrator. You can see "
                            + "its outcome in the portal.")));

    private NotificationTexts() {
    }

    static Text of(String kind) {
        return KINDS.getOrDefault(kind, GENERIC);
    }

    static boolean known(String kind) {
        return KINDS.containsKey(kind);
    }
}
