package jp.iinj.portal.feeds;

import java.util.List;
import java.util.Locale;

import jp.iinj.contracts.topics.Audience;
import jp.iinj.contracts.topics.EventType;
import jp.iinj.contracts.topics.TopicCatalogue;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The event types a regional body's feed can carry: every type of the catalogue's public topics (internal topics
 * never reach a feed), each with a name in the page's language ({@code feeds.type.<type>}); a type the catalogue
 * gains before the portal names it is shown as it is.
 */
@Component("feedEventTypes")
public class FeedEventTypes {

    private static final List<String> PUBLIC_TYPES = TopicCatalogue.all().stream()
            .filter(topic -> topic.audience() == Audience.PUBLIC)
            .flatMap(topic -> topic.eventTypes().stream())
            .map(EventType::type)
            .toList();

    private final MessageSource messages;

    FeedEventTypes(MessageSource messages) {
        this.messages = messages;
    }

    public static List<String> publicTypes() {
        return PUBLIC_TYPES;
    }

    public List<String> all() {
        return PUBLIC_TYPES;
    }

    public List<String> labels(List<String> types, Locale locale) {
        return types.stream().map(type -> label(type, locale)).toList();
    }

    public String label(String type, Locale locale) {
        if (type == null) {
            return "—";
        }
        return messages.getMessage("feeds.type." + type, null, type, locale);
    }
}
