package jp.iinj.coordination.messaging;

import org.springframework.stereotype.Component;

import jp.iinj.contracts.coordination.CaseClosedV1;
import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.coordination.cases.CoordinationCase;
import jp.iinj.eventing.cloudevents.EventRegion;
import jp.iinj.eventing.outbox.OutboxEntry;
import jp.iinj.eventing.outbox.OutboxEventFactory;

/**
 * Maps case changes to events on {@code coordination.case-events.v1}, keyed by case id. Public: codes and opaque ids;
 * notes and reasons in words stay in the case. The region is the bureau that owns the case, so bureau feeds filter
 * without reading payloads. Only {@code case-closed} exists in the contracts yet; the other case events come with
 * them and are written in the same single-document write as the change they report.
 */
@Component
public class CaseEvents {

    private final OutboxEventFactory events;

    public CaseEvents(OutboxEventFactory events) {
        this.events = events;
    }

    public OutboxEntry caseClosed(CoordinationCase closed, String correlationId) {
        var payload = new CaseClosedV1(closed.id(), closed.matchId(), closed.closing().outcome(),
                closed.owningBureau(), closed.closing().closedAt());
        return events.create(TopicCatalogue.CASE_CLOSED_V1, closed.id(), payload, regionOf(closed), correlationId,
                closed.closing().closedAt());
    }

    private static EventRegion regionOf(CoordinationCase found) {
        return new EventRegion(found.owningBureau(), null, null);
    }
}
