package jp.iinj.portal.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import jp.iinj.portal.support.PortalTestSupport;
import jp.iinj.portal.support.StubGateway.Answer;

/** The live feed page, and the portal's relay of event feeds' stream with the person's token. */
class LiveFeedPagesIT extends PortalTestSupport {

    private static final String REGISTERED = "jp.iinj.membership.member-registered.v1";

    /** Event feeds' stream as it answers: a comment at once, then each event with its cursor as id. */
    private static Answer stream(String... events) {
        StringBuilder body = new StringBuilder(":stream open\n\n");
        for (String event : events) {
            body.append(event);
        }
        return new Answer(200, "text/event-stream", body.toString(), Map.of());
    }

    private static String event(String cursor, String type, String attributes) {
        return "id:" + cursor + "\nevent:" + type + "\ndata:{\"specversion\":\"1.0\",\"id\":\"e-" + cursor
                + "\",\"source\":\"/member-registry\",\"type\":\"" + type + "\",\"time\":\"2026-12-05T01:02:03Z\","
                + "\"datacontenttype\":\"application/json\"," + attributes + "\"data\":{\"memberId\":\"org-1\"}}\n\n";
    }

    @Test
    void thePageListensOnTheSameOriginAndSaysWhichBureausItShows() {
        String page = as(regionalBody("kanto", "kinki")).get().uri("/regional/feed").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<h1>ライブフィード</h1>", "関東経済産業局", "近畿経済産業局",
                "id=\"feed-events\"", "aria-live=\"polite\"", "data-stream=\"/regional/feed/stream\"",
                "src=\"/assets/feed.js\"", "role=\"status\"", "href=\"/regional/subscriptions\"",
                // the navigation links both pages for regional bodies
                "href=\"/regional/feed\"");
        String english = as(regionalBody("kanto")).get().uri("/regional/feed").cookie("PORTAL_LANG", "en").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(english).contains("<h1>Live feed</h1>", "Kanto");
        as(owner("3f0c")).get().uri("/regional/feed").exchange().expectStatus().isForbidden();
        as(owner("3f0c")).get().uri("/regional/feed/stream").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void eachEventIsRelayedWithItsCursorAsIdInThePagesWordsAndLastEventIdIsPassedOn() {
        GATEWAY.answer("GET", "/api/members/clusters", Answer.json(200,
                "{\"clusters\":[{\"id\":\"cl-1\",\"name\":\"首都圏ものづくりクラスター\",\"englishName\":\"Tokyo Manufacturing\",\"bureau\":\"kanto\",\"active\":true}]}"));
        GATEWAY.answer("GET", "/api/feeds/stream", stream(
                event("c-2", REGISTERED, "\"subject\":\"org-1\",\"bureau\":\"kanto\",\"prefecture\":\"13\",\"cluster\":\"cl-1\","),
                ":\n\n",
                event("c-3", "jp.iinj.later.something-new.v1", "\"bureau\":\"kanto\",")));
        String body = as(regionalBody("kanto")).get().uri("/regional/feed/stream").accept(MediaType.TEXT_EVENT_STREAM)
                .header("Last-Event-ID", "c-1").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains(":stream open", "retry:3000", "id:c-2\nevent:feed\ndata:", "\"time\":\"2026-12-05 10:02:03\"",
                "\"at\":\"2026-12-05T01:02:03Z\"", "\"typeLabel\":\"会員登録の申請\"", "\"subject\":\"org-1\"",
                "\"bureau\":\"関東経済産業局\"", "\"prefecture\":\"東京都\"", "\"cluster\":\"首都圏ものづくりクラスター\"",
                // a type the portal cannot name yet is shown as it is
                "id:c-3\nevent:feed", "\"typeLabel\":\"jp.iinj.later.something-new.v1\"")
                // only what the page lists: never the event's data
                .doesNotContain("memberId");
        var sent = GATEWAY.last("GET", "/api/feeds/stream");
        assertThat(sent.header("Last-Event-ID")).isEqualTo("c-1");
        assertThat(sent.header("Accept")).isEqualTo("text/event-stream");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer access-token");

        // the first connection sends no Last-Event-ID: the service starts from now on
        GATEWAY.answer("GET", "/api/feeds/stream", stream());
        as(regionalBody("kanto")).get().uri("/regional/feed/stream").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult();
        assertThat(GATEWAY.last("GET", "/api/feeds/stream").header("Last-Event-ID")).isNull();
    }

    @Test
    void aRefusedStreamSaysWhyOnceAndAnUnavailableOneJustEndsForTheBrowserToReconnect() {
        GATEWAY.answer("GET", "/api/feeds/stream", Answer.problem(403, "Forbidden", "no feed"));
        assertThat(relayed()).contains("event:problem", "\"reason\":\"not-allowed\"");
        GATEWAY.answer("GET", "/api/feeds/stream", Answer.problem(401, "Unauthorized", "expired"));
        assertThat(relayed()).contains("event:problem", "\"reason\":\"sign-in\"");
        GATEWAY.answer("GET", "/api/feeds/stream", Answer.fieldProblem("Last-Event-ID", "not a cursor of this feed"));
        assertThat(relayed()).contains("event:problem", "\"reason\":\"bad-cursor\"");
        GATEWAY.answer("GET", "/api/feeds/stream", Answer.problem(503, "Service Unavailable", "down"));
        assertThat(relayed()).contains(":unavailable", "retry:10000").doesNotContain("event:", "data:");
    }

    private String relayed() {
        return as(regionalBody("kanto")).get().uri("/regional/feed/stream").accept(MediaType.TEXT_EVENT_STREAM)
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void everyPublicEventTypeHasANameInBothLanguages() {
        assertThat(FeedEventTypes.publicTypes()).hasSizeGreaterThanOrEqualTo(29).contains(REGISTERED)
                .noneMatch(type -> type.contains("notification-requested") || type.contains("person-joined"));
        var japanese = as(regionalBody("kanto")).get().uri("/regional/subscriptions/new").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        var english = as(regionalBody("kanto")).get().uri("/regional/subscriptions/new").cookie("PORTAL_LANG", "en").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        for (String type : FeedEventTypes.publicTypes()) {
            // the form names each type in words: the raw type appears only as the checkbox's value
            assertThat(List.of(japanese, english)).allSatisfy(page ->
                    assertThat(page.split("value=\"" + java.util.regex.Pattern.quote(type) + "\"", -1).length - 1)
                            .as(type).isEqualTo(1));
            assertThat(japanese).doesNotContain(">" + type + "<");
            assertThat(english).doesNotContain(">" + type + "<");
        }
    }
}
